"use client";

import { useActionState } from "react";
import { savePlaygroundCase } from "@/app/(console)/console/playground/actions";
import { submitWithoutReset } from "@/components/console/submit-without-reset";
import { Field, inputClass } from "@/components/ui/field";
import type { ListingSuggestion } from "@/lib/ai/output-schema";
import { CATEGORIES } from "@/lib/listings/options";

type SaveCaseFormProps = { column: number; imageId: string; sourceCallId: string | null; suggestion: ListingSuggestion; datasets: string[] };

// A fair range around the suggested price, as the review form starts from: a third either side.
function priceRange(price: number | null): [string, string] {
  if (price === null || price <= 0) return ["", ""];
  return [String(Math.round((price * 2) / 3)), String(Math.round((price * 4) / 3))];
}

function keywordsOf(title: string): string {
  return [...new Set(title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 2))].slice(0, 3).join(", ");
}

/** "Save as eval case": the column's answer as the starting point for the expected fields, edited by the admin. */
export function SaveCaseForm({ column, imageId, sourceCallId, suggestion, datasets }: SaveCaseFormProps) {
  const [state, action, pending] = useActionState(savePlaygroundCase, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const [priceMin, priceMax] = priceRange(suggestion.priceEur);
  const listId = `playground-datasets-${column}`;
  return (
    <form onSubmit={(event) => submitWithoutReset(event, action)} className="flex flex-col gap-2" aria-label={`Save column ${column + 1} as eval case`} data-testid="save-case-form">
      <input type="hidden" name="imageId" value={imageId} />
      <input type="hidden" name="sourceCallId" value={sourceCallId ?? ""} />
      <Field label="Dataset" errors={errors?.dataset} hint="An existing dataset, or a new name: the case is added as a new version.">
        {(props) => (
          <>
            <input {...props} name="dataset" list={listId} autoComplete="off" className={inputClass} />
            <datalist id={listId}>
              {datasets.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Expected category" errors={errors?.category}>
        {(props) => (
          <select {...props} name="category" defaultValue={suggestion.category} className={inputClass}>
            {CATEGORIES.map((category) => (
              <option key={category}>{category}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Expected title" errors={errors?.item}>
        {(props) => <input {...props} name="item" defaultValue={suggestion.title} className={inputClass} />}
      </Field>
      <Field label="Keywords" errors={errors?.keywords} hint="Comma-separated; a good title contains at least one.">
        {(props) => <input {...props} name="keywords" defaultValue={keywordsOf(suggestion.title)} className={inputClass} />}
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field label="Fair price from (EUR)" errors={errors?.priceMin}>
          {(props) => <input {...props} name="priceMin" inputMode="decimal" defaultValue={priceMin} className={inputClass} />}
        </Field>
        <Field label="Fair price to (EUR)" errors={errors?.priceMax}>
          {(props) => <input {...props} name="priceMax" inputMode="decimal" defaultValue={priceMax} className={inputClass} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {pending ? "Saving…" : "Save as eval case"}
        </button>
        {state && (
          <p role="status" data-testid="save-case-status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
            {state.ok ? state.message : [state.error, ...(errors?.imageId ?? [])].join(" ")}
          </p>
        )}
      </div>
    </form>
  );
}
