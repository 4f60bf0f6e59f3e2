import type { FieldErrors } from "@/lib/action-result";
import { saveReviewLabel } from "@/lib/db/queries/review-labels";
import { getReviewItemStatus } from "@/lib/db/queries/review-reports";
import { missingVerdicts, verdictsOf, type ReviewLabelInput } from "./label-schema";

export type RecordLabelOutcome = { ok: true; created: boolean } | { ok: false; error: string; fieldErrors?: FieldErrors };

const SAVE_REFUSALS = {
  missing: "This review item no longer exists.",
  "not-claimed": "Another reviewer has this item now (your claim lapsed). Your label was not saved; take the next item.",
  complete: "This item already has all the labels it needs. Your label was not saved.",
} as const;

/** Saves a reviewer's label for a queued call: a verdict per field when the call made a suggestion. */
export async function recordLabel(reviewerId: string, input: ReviewLabelInput): Promise<RecordLabelOutcome> {
  const row = await getReviewItemStatus(input.itemId);
  if (!row) return { ok: false, error: SAVE_REFUSALS.missing };
  const verdicts = verdictsOf(input);
  // Only an answered call has fields to judge; a failed one is labelled from the photo alone.
  const missing = missingVerdicts(verdicts, row.callStatus === "ok");
  if (Object.keys(missing).length > 0) return { ok: false, error: "Please check the highlighted fields.", fieldErrors: missing };
  const saved = await saveReviewLabel(input.itemId, reviewerId, {
    category: input.category,
    title: input.title,
    priceMinCents: input.priceMin,
    priceMaxCents: input.priceMax,
    verdicts,
    comment: input.comment,
  });
  if (saved === "saved" || saved === "updated") return { ok: true, created: saved === "saved" };
  return { ok: false, error: SAVE_REFUSALS[saved] };
}
