"use client";

import { useActionState } from "react";
import { saveMonitoringThresholds } from "@/app/(console)/console/monitoring/actions";
import type { Thresholds } from "@/lib/monitoring/thresholds";

const field = "w-24 rounded-md border border-stone-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600";

/** The limits past which a metric turns red, as percentages and seconds. */
export function ThresholdsForm({ thresholds }: { thresholds: Thresholds }) {
  const [state, action, pending] = useActionState(saveMonitoringThresholds, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const input = (name: keyof Thresholds, label: string, value: number, step: string) => (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <input name={name} type="number" min="0" step={step} defaultValue={value} aria-invalid={Boolean(errors?.[name])} className={field} />
    </label>
  );
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="thresholds-form">
      {input("maxErrorRate", "Error rate above (%)", +(thresholds.maxErrorRate * 100).toFixed(2), "0.1")}
      {input("maxInvalidRate", "Invalid-output rate above (%)", +(thresholds.maxInvalidRate * 100).toFixed(2), "0.1")}
      {input("maxP95LatencyMs", "p95 latency above (s)", thresholds.maxP95LatencyMs / 1000, "0.1")}
      <button type="submit" disabled={pending} className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Saving…" : "Save thresholds"}
      </button>
      {state && (
        <p role="status" className={`w-full text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.ok ? "Saved." : Object.values(errors ?? {}).flat().join(" ") || state.error}
        </p>
      )}
    </form>
  );
}
