"use client";

import Link from "next/link";
import { useActionState } from "react";
import { deletePlaygroundDraftAction, runDraftExperiment } from "@/app/(console)/console/playground/actions";
import { submitWithoutReset } from "@/components/console/submit-without-reset";
import { inputClass } from "@/components/ui/field";

type DraftExperimentFormProps = { draftId: string; draftName: string; datasets: string[]; models: string[]; defaultModel: string };

/** Runs a saved draft over a dataset with the experiment runner; the run appears on Experiments. */
export function DraftExperimentForm({ draftId, draftName, datasets, models, defaultModel }: DraftExperimentFormProps) {
  const [state, action, pending] = useActionState(runDraftExperiment, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (datasets.length === 0) return <p className="text-sm text-stone-600">No datasets yet to run it on.</p>;
  return (
    <form onSubmit={(event) => submitWithoutReset(event, action)} className="flex flex-wrap items-end gap-3" aria-label={`Run draft ${draftName} as an experiment`} data-testid="draft-experiment-form">
      <input type="hidden" name="draftId" value={draftId} />
      <label className="flex flex-col gap-1 text-sm">
        Dataset
        <select name="dataset" className={inputClass} aria-invalid={Boolean(errors?.dataset)}>
          {datasets.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Model
        <input name="modelId" defaultValue={defaultModel} list={`experiment-models-${draftId}`} autoComplete="off" className={`${inputClass} font-mono`} aria-invalid={Boolean(errors?.modelId)} />
        <datalist id={`experiment-models-${draftId}`}>
          {models.map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Trials
        <input name="trials" type="number" min={1} max={5} defaultValue={1} className={`${inputClass} w-20`} aria-invalid={Boolean(errors?.trials)} />
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Starting…" : "Run as experiment"}
      </button>
      {state && (
        <p role="status" data-testid="draft-experiment-status" className={`w-full text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.ok ? (
            <>
              {state.message} <Link href="/console/experiments" className="underline">See it on Experiments</Link>
            </>
          ) : (
            Object.values(errors ?? {}).flat().join(" ") || state.error
          )}
        </p>
      )}
    </form>
  );
}

/** Deletes one of the admin's drafts. */
export function DeleteDraftButton({ draftId, draftName }: { draftId: string; draftName: string }) {
  const [state, action, pending] = useActionState(deletePlaygroundDraftAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="draftId" value={draftId} />
      <button type="submit" disabled={pending} className="text-sm text-red-700 underline disabled:opacity-50">
        Delete draft {draftName}
      </button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
