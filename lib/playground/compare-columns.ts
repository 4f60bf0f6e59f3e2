import type { DeepPartial } from "ai";
import type { ListingSuggestion } from "@/lib/ai/output-schema";
import { COMPARED_FIELDS, type ComparedField, type FieldOutcome } from "@/lib/db/json-columns";
import { fieldOutcome } from "@/lib/sell/implicit-feedback";
import { suggestedValues } from "@/lib/sell/sell-draft";

// The playground's field-by-field diff: each column's answer as the sell form would be filled
// from it, side by side, and beside what the seller published when the photo came from a call.

export type ColumnValues = Record<ComparedField, string>;

export type ComparedRow = {
  field: ComparedField;
  /** One value per column; null for a column with no answer (yet, or failed). */
  values: (string | null)[];
  /** True when the columns that answered do not all agree (spacing aside). */
  differs: boolean;
  /** What the seller published, when known. */
  published: string | null;
  /** Per column, how the seller's published value relates to it (kept = the same), when both are known. */
  againstPublished: (FieldOutcome | null)[];
};

/** An answer (or a partial one) as the sell form shows it: the fields a seller would see filled. */
export function formValuesOf(suggestion: DeepPartial<ListingSuggestion>): ColumnValues {
  const values = suggestedValues(suggestion, "");
  return Object.fromEntries(COMPARED_FIELDS.map((field) => [field, values[field] ?? ""])) as ColumnValues;
}

export function compareColumns(answers: (DeepPartial<ListingSuggestion> | null)[], published: ColumnValues | null): ComparedRow[] {
  const columns = answers.map((answer) => (answer ? formValuesOf(answer) : null));
  return COMPARED_FIELDS.map((field) => {
    const values = columns.map((column) => (column ? column[field] : null));
    const answered = values.filter((value): value is string => value !== null).map(normalise);
    const publishedValue = published ? published[field] : null;
    return {
      field,
      values,
      differs: new Set(answered).size > 1,
      published: publishedValue,
      againstPublished: values.map((value) => (value === null || publishedValue === null ? null : fieldOutcome(value, publishedValue))),
    };
  });
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
