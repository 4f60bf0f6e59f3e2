"use client";

import { useActionState } from "react";
import { promoteItemLabel } from "@/app/(console)/console/review/actions";
import { submitWithoutReset } from "@/components/console/submit-without-reset";
import { Field, inputClass } from "@/components/ui/field";

type PromoteLabelFormProps = { labelId: string; datasets: string[]; keywords: string[] };

/** Makes a label a case of an evaluation dataset: an existing one or a new name. */
export function PromoteLabelForm({ labelId, datasets, keywords }: PromoteLabelFormProps) {
  const [state, action, pending] = useActionState(promoteItemLabel, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const listId = `datasets-${labelId}`;
  return (
    // Not reset after a refusal, so the dataset name stays beside its message.
    <form onSubmit={(event) => submitWithoutReset(event, action)} className="flex flex-col gap-3" data-testid="promote-form" aria-label="Promote to dataset">
      <input type="hidden" name="labelId" value={labelId} />
      <div className="grid gap-3 sm:grid-cols-2">
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
        <Field label="Keywords" errors={errors?.keywords} hint="Comma-separated; a good title contains at least one.">
          {(props) => <input {...props} name="keywords" defaultValue={keywords.join(", ")} className={inputClass} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {pending ? "Adding…" : "Add to dataset"}
        </button>
        {state && (
          <p role="status" data-testid="promote-status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
            {state.ok ? state.message : [state.error, ...(errors?.labelId ?? [])].join(" ")}
          </p>
        )}
      </div>
    </form>
  );
}
