import { PREFILL_FEATURE } from "@/lib/ai/prefill-contract";
import { claimNextReviewItem, claimReviewItem, type ClaimItemResult } from "@/lib/db/queries/review-claims";
import { enqueueMatchingCalls, getQueueRules } from "@/lib/db/queries/review-queue";
import type { ReviewItem } from "@/lib/db/schema";
import { findHeavilyEditedCallIds } from "./heavy-edits";

// The review queue fills from production pre-fill calls (never evaluation runs, which are logged
// under their own feature, nor a try that a retry replaced). There is no background job: fillReviewQueue() is idempotent and runs
// when the queue page loads and whenever a reviewer asks for the next item, so a call a rule picks
// is waiting by the time anyone looks. A call enters once, with every reason that matched then; a
// rule that starts matching later (a thumbs-down after the call was sampled) does not queue it twice.

/** Only calls this recent are considered; older ones had their chance. */
export const QUEUE_LOOKBACK_DAYS = 30;
/** A claim lasts this long; then the item is free for the next reviewer who asks. */
export const REVIEW_LEASE_MINUTES = 15;
export const REVIEW_LEASE_MS = REVIEW_LEASE_MINUTES * 60_000;
// At most this many calls enter per fill, oldest first (a generous sample share on a busy day).
const MAX_ENQUEUED_PER_FILL = 2000;

/** Queues the calls the rules pick that are not queued yet; returns how many entered. */
export async function fillReviewQueue(now = new Date()): Promise<number> {
  const rules = await getQueueRules();
  const since = new Date(now.getTime() - QUEUE_LOOKBACK_DAYS * 24 * 60 * 60_000);
  const heavyEditCallIds = rules.heavyEditDistance === null ? [] : await findHeavilyEditedCallIds(PREFILL_FEATURE, rules.heavyEditDistance, since);
  return enqueueMatchingCalls({ feature: PREFILL_FEATURE, since, rules, heavyEditCallIds, limit: MAX_ENQUEUED_PER_FILL });
}

/** Fills the queue, then claims the reviewer's next item (null: nothing waits for them). */
export async function claimNextItem(reviewerId: string, options: { now?: Date; skipItemId?: string } = {}): Promise<ReviewItem | null> {
  const now = options.now ?? new Date();
  await fillReviewQueue(now);
  return claimNextReviewItem(reviewerId, { now, leaseMs: REVIEW_LEASE_MS }, options.skipItemId);
}

/** Claims a chosen item for the reviewer, with the standard lease. */
export async function claimItem(itemId: string, reviewerId: string, now = new Date()): Promise<ClaimItemResult> {
  return claimReviewItem(itemId, reviewerId, { now, leaseMs: REVIEW_LEASE_MS });
}

/** When a claim lapses. */
export function leaseEnd(claimedAt: Date): Date {
  return new Date(claimedAt.getTime() + REVIEW_LEASE_MS);
}
