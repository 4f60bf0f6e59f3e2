import { listEditedPublishes } from "@/lib/db/queries/review-queue";

// The "heavily edited publish" rule: how far the seller moved the suggested title or description
// before publishing. Until the call log stores that distance itself (ai_calls.implicit_feedback),
// it is computed here from listings.ai_suggestion and the listing as it stands; swapping the body
// of findHeavilyEditedCallIds for a filter on the stored distances is the whole change.

// Enough for a busy fortnight of publishes; an edited publish beyond it waits for the next fill.
const MAX_PUBLISHES_PER_FILL = 5000;

/** Case, repeated spaces and surrounding space do not count as edits. */
function normaliseText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Levenshtein distance with two rolling rows (descriptions run to a few hundred characters). */
function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint32Array(b.length + 1).map((_, index) => index);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** Edits needed to turn one text into the other, over the longer length: 0 unchanged, 1 rewritten. */
export function normalisedEditDistance(suggested: string, published: string): number {
  const a = normaliseText(suggested);
  const b = normaliseText(published);
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 0 : levenshtein(a, b) / longer;
}

/** Calls since `since`, not queued yet, whose published title or description moved at least `threshold`. */
export async function findHeavilyEditedCallIds(feature: string, threshold: number, since: Date): Promise<string[]> {
  const publishes = await listEditedPublishes(feature, since, MAX_PUBLISHES_PER_FILL);
  return publishes
    .filter(
      (publish) =>
        normalisedEditDistance(publish.suggestedTitle ?? "", publish.publishedTitle) >= threshold ||
        normalisedEditDistance(publish.suggestedDescription ?? "", publish.publishedDescription) >= threshold,
    )
    .map((publish) => publish.callId);
}
