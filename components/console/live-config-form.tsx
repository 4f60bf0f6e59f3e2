"use client";

import { useActionState } from "react";
import { setLivePrompt } from "@/app/(console)/console/prompts/actions";
import type { ActionResult } from "@/lib/action-result";

/** Choose which version and model serve live traffic. */
export function LiveConfigForm({ promptId, versions, version, modelId }: { promptId: string; versions: number[]; version: number; modelId: string | null }) {
  const [state, action, pending] = useActionState(async (_previous: ActionResult | null, formData: FormData) => setLivePrompt(formData), null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="live-config-form">
      <input type="hidden" name="promptId" value={promptId} />
      <label className="flex flex-col gap-1 text-sm">
        Live version
        <select name="version" defaultValue={version} className="rounded-md border border-stone-300 bg-white px-2 py-1">
          {versions.map((candidate) => (
            <option key={candidate} value={candidate}>
              v{candidate}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Live model (empty: the configured one)
        <input
          name="modelId"
          defaultValue={modelId ?? ""}
          placeholder="e.g. openai:gpt-4o-mini"
          aria-invalid={Boolean(errors?.modelId)}
          className="rounded-md border border-stone-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600"
        />
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Saving…" : "Make live"}
      </button>
      {state && (
        <p role="status" className={`w-full text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.ok ? "Saved: live traffic now uses this." : (errors?.modelId?.join(" ") ?? state.error)}
        </p>
      )}
    </form>
  );
}
