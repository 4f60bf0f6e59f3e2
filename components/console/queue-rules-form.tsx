"use client";

import { useActionState } from "react";
import { saveQueueRules } from "@/app/(console)/console/review/actions";
import type { ReviewQueueRules } from "@/lib/db/schema";

type QueueRulesFormProps = { rules: Pick<ReviewQueueRules, "sampleShare" | "thumbsDown" | "heavyEditDistance" | "lowConfidence" | "errors" | "secondReviewShare" | "includeSynthetic"> };

const field = "w-24 rounded-md border border-stone-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600";
const percent = (share: number) => String(Math.round(share * 1000) / 10);

/** The rules that decide which production calls enter the review queue. */
export function QueueRulesForm({ rules }: QueueRulesFormProps) {
  const [state, action, pending] = useActionState(saveQueueRules, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const message = (name: string) =>
    errors?.[name] ? (
      <span role="alert" className="text-sm text-red-700">
        {errors[name]!.join(" ")}
      </span>
    ) : null;
  return (
    <form action={action} className="flex flex-col gap-3 text-sm" data-testid="queue-rules-form">
      <label className="flex flex-wrap items-center gap-2">
        Random sample of calls (%)
        <input name="sampleShare" type="number" min={0} max={100} step="any" defaultValue={percent(rules.sampleShare)} className={field} aria-invalid={Boolean(errors?.sampleShare)} />
        {message("sampleShare")}
      </label>
      <label className="flex items-center gap-2">
        <input name="thumbsDown" type="checkbox" defaultChecked={rules.thumbsDown} />
        Every thumbs-down from a seller
      </label>
      <label className="flex flex-wrap items-center gap-2">
        Publishes edited at least this far (0–1, empty: off)
        <input
          name="heavyEditDistance"
          inputMode="decimal"
          defaultValue={rules.heavyEditDistance ?? ""}
          className={field}
          aria-invalid={Boolean(errors?.heavyEditDistance)}
        />
        {message("heavyEditDistance")}
      </label>
      <label className="flex items-center gap-2">
        <input name="lowConfidence" type="checkbox" defaultChecked={rules.lowConfidence} />
        Answers unsure of any field (confidence low)
      </label>
      <label className="flex items-center gap-2">
        <input name="errors" type="checkbox" defaultChecked={rules.errors} />
        Errors and invalid answers
      </label>
      <label className="flex items-center gap-2">
        <input name="includeSynthetic" type="checkbox" defaultChecked={rules.includeSynthetic} />
        Also synthetic calls (from npm run seed:calls; left out by default)
      </label>
      <label className="flex flex-wrap items-center gap-2">
        Share of items labelled twice, to measure agreement (%)
        <input name="secondReviewShare" type="number" min={0} max={100} step="any" defaultValue={percent(rules.secondReviewShare)} className={field} aria-invalid={Boolean(errors?.secondReviewShare)} />
        {message("secondReviewShare")}
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-stone-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">
          {pending ? "Saving…" : "Save rules"}
        </button>
        {state && (
          <p role="status" className={state.ok ? "text-green-800" : "text-red-700"}>
            {state.ok ? "Saved: the next fill uses these rules." : state.error}
          </p>
        )}
      </div>
    </form>
  );
}
