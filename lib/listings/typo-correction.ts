// "Showing results for …": when a search found nothing as typed and its words were matched as
// typos instead, the page says which words it took them for. Those are read from the titles that
// matched, with the trigram similarity pg_trgm uses (lib/db/queries/listings.ts finds the rows).

function trigrams(word: string): Set<string> {
  const padded = `  ${word.toLowerCase()} `;
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index++) grams.add(padded.slice(index, index + 3));
  return grams;
}

/** pg_trgm's similarity of two words: shared trigrams over all trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / (left.size + right.size - shared);
}

// Below this a title word is not taken for the typed one (pg_trgm's own default is 0.3).
const MIN_SIMILARITY = 0.3;

/**
 * The query with each word replaced by the most similar word of the matched titles, or null
 * when no word changed: "hedphones" with "Sony headphones" → "headphones".
 */
export function correctedQuery(query: string, titles: string[]): string | null {
  const titleWords = [...new Set(titles.flatMap((title) => title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []))];
  let changed = false;
  const corrected = query.split(/\s+/).filter(Boolean).map((word) => {
    const typed = word.toLowerCase();
    let best = typed;
    let bestScore = MIN_SIMILARITY;
    for (const candidate of titleWords) {
      const score = trigramSimilarity(typed, candidate);
      if (score > bestScore) [best, bestScore] = [candidate, score];
    }
    if (best === typed) return word;
    changed = true;
    return best;
  });
  return changed ? corrected.join(" ") : null;
}
