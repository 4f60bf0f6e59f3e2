import { listHeavilyEditedCallIds } from "@/lib/db/queries/review-queue";

// The "heavily edited publish" rule: how far the seller moved the suggested title or description
// before publishing, as stored with the call at publish time (ai_calls.implicit_feedback, a
// normalised edit distance from 0, unchanged, to 1, rewritten).

// Enough for a busy fortnight of publishes; an edited publish beyond it waits for the next fill.
const MAX_PUBLISHES_PER_FILL = 5000;

/** Calls since `since`, not queued yet, whose published title or description moved at least `threshold`. */
export async function findHeavilyEditedCallIds(feature: string, threshold: number, since: Date): Promise<string[]> {
  return listHeavilyEditedCallIds(feature, since, threshold, MAX_PUBLISHES_PER_FILL);
}
