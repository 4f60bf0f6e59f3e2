import type { ListingSuggestion } from "@/lib/ai/output-schema";
import { COMPARED_FIELDS, type ComparedField, type FieldOutcome, type ImplicitFeedback } from "@/lib/db/json-columns";
import { centsToPriceInput } from "@/lib/listings/listing-schema";
import type { Category, Condition } from "@/lib/listings/options";
import { suggestedValues, type SuggestionDetails } from "./sell-draft";

// What a seller did with a suggestion, worked out when they publish: per field whether they kept
// it, changed it or cleared it, how far the title and description moved, whether the category
// changed, and how far the price moved. Stored with the call (ai_calls.implicit_feedback) so the
// dashboard and later experiments can aggregate it. The stored shape is in lib/db/json-columns.ts.

/** The listing as the seller published it; `description` is their text, before any details were appended. */
export type PublishedValues = {
  title: string;
  description: string;
  category: Category;
  condition: Condition;
  priceCents: number;
  details: SuggestionDetails;
};

export type FieldComparison = { field: ComparedField; suggested: string; published: string; outcome: FieldOutcome };

/** Each field side by side, as the sell form showed the suggestion and as the listing went out. */
export function compareFields(suggestion: ListingSuggestion, published: PublishedValues): FieldComparison[] {
  const suggested = suggestedValues(suggestion, "");
  const publishedText: Record<ComparedField, string> = {
    title: published.title,
    description: published.description,
    category: published.category,
    condition: published.condition,
    price: centsToPriceInput(published.priceCents),
    ...published.details,
  };
  return COMPARED_FIELDS.map((field) => {
    const before = suggested[field] ?? "";
    const after = publishedText[field];
    return { field, suggested: before, published: after, outcome: fieldOutcome(before, after) };
  });
}

export function computeImplicitFeedback(suggestion: ListingSuggestion, published: PublishedValues): ImplicitFeedback {
  const comparisons = compareFields(suggestion, published);
  return {
    fields: Object.fromEntries(comparisons.map(({ field, outcome }) => [field, outcome])) as Record<ComparedField, FieldOutcome>,
    titleEditDistance: normalisedEditDistance(suggestion.title, published.title),
    descriptionEditDistance: normalisedEditDistance(suggestion.description, published.description),
    categoryChanged: suggestion.category !== published.category,
    priceLogError: priceLogError(suggestion.priceEur, published.priceCents),
  };
}

/**
 * Kept: the same text (spacing aside). Cleared: the model proposed something and the seller
 * removed it. Changed: anything else, including filling in a field the model left empty.
 */
export function fieldOutcome(suggested: string, published: string): FieldOutcome {
  const before = normaliseSpacing(suggested);
  const after = normaliseSpacing(published);
  if (before === after) return "kept";
  if (before !== "" && after === "") return "cleared";
  return "changed";
}

function normaliseSpacing(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/**
 * Levenshtein distance between the two texts (in characters, after trimming) divided by the
 * longer length: 0 when they are the same, 1 when every character had to change.
 */
export function normalisedEditDistance(a: string, b: string): number {
  const source = Array.from(a.trim());
  const target = Array.from(b.trim());
  const longer = Math.max(source.length, target.length);
  if (longer === 0) return 0;
  return levenshtein(source, target) / longer;
}

// Two rows of the dynamic-programming table are enough; descriptions run to a few thousand
// characters, so this stays in the low milliseconds.
function levenshtein(source: string[], target: string[]): number {
  let previous = Uint32Array.from({ length: target.length + 1 }, (_, index) => index);
  let current = new Uint32Array(target.length + 1);
  for (let i = 1; i <= source.length; i++) {
    current[0] = i;
    for (let j = 1; j <= target.length; j++) {
      const substitution = previous[j - 1] + (source[i - 1] === target[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[target.length];
}

/** |ln(published / suggested)|: 0 when the seller kept the price, ln 2 ≈ 0.69 when they doubled or halved it. */
export function priceLogError(suggestedEur: number | null, publishedCents: number): number | null {
  if (suggestedEur === null || !(suggestedEur > 0) || !(publishedCents > 0)) return null;
  return Math.abs(Math.log(publishedCents / 100 / suggestedEur));
}
