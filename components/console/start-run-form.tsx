"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { startExperiment } from "@/app/(console)/console/experiments/actions";

type StartRunFormProps = { datasets: string[]; prompts: string[]; livePrompt: string; defaultModel: string };

const field = "rounded-md border border-stone-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600";

export function StartRunForm({ datasets, prompts, livePrompt, defaultModel }: StartRunFormProps) {
  const router = useRouter();
  const [state, action, pending] = useActionState(startExperiment, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    if (!state?.ok) return;
    // The run's row is written just after the action answers: look again shortly.
    const timers = [800, 2500].map((ms) => setTimeout(() => router.refresh(), ms));
    return () => timers.forEach(clearTimeout);
  }, [state, router]);

  if (datasets.length === 0) {
    return <p className="text-sm text-stone-600">No datasets yet: import one with <code>npm run eval:import -- &lt;dir&gt; --name &lt;name&gt;</code>.</p>;
  }
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="start-run-form">
      <label className="flex flex-col gap-1 text-sm">
        Dataset
        <select name="dataset" className={field} aria-invalid={Boolean(errors?.dataset)}>
          {datasets.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Model
        <input name="modelId" defaultValue={defaultModel} placeholder="openai:gpt-4o-mini" className={field} aria-invalid={Boolean(errors?.modelId)} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Prompt
        <select name="prompt" defaultValue={livePrompt} className={field}>
          {prompts.map((ref) => (
            <option key={ref}>{ref}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Trials
        <input name="trials" type="number" min={1} max={5} defaultValue={1} className={`${field} w-20`} aria-invalid={Boolean(errors?.trials)} />
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Starting…" : "Run experiment"}
      </button>
      {state && (
        <p role="status" className={`w-full text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.ok ? "Started: the run appears below and fills in as it goes." : Object.values(errors ?? {}).flat().join(" ") || state.error}
        </p>
      )}
    </form>
  );
}
