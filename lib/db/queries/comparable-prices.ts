import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { listings } from "@/lib/db/schema";
import type { Category } from "@/lib/listings/options";

/** "Similar on Trova: €X–€Y (n listings)": a price range in cents and how many listings it comes from. */
export type ComparablePrices = { lowCents: number; highCents: number; count: number };

// Fewer matches than this say more about chance than about the market: no range is shown.
export const MIN_COMPARABLES = 3;
// Enough words to describe an item; a longer title adds noise, not precision.
const MAX_WORDS = 8;
// websearch_to_tsquery reads these as operators, never as words to look for.
const OPERATOR_WORDS = new Set(["or", "and", "not"]);

/** The title's distinct words, as a websearch query that matches any of them ("blue or ceramic or vase"). */
export function titleWordsQuery(title: string): string | null {
  const words = (title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 1 && !OPERATOR_WORDS.has(word));
  const distinct = [...new Set(words)].slice(0, MAX_WORDS);
  return distinct.length ? distinct.join(" or ") : null;
}

/**
 * Prices of active and sold listings in the same category whose title shares a word with `title`
 * (full-text, English stemming, so "vases" matches "vase"). Only title words count: a match
 * in a description ("fits next to a vase") says little about what an item is worth.
 *
 * The range is the 10th to 90th percentile (percentile_disc, so both ends are real asking
 * prices): one giveaway or one overpriced listing does not stretch it, and below ten
 * listings it is simply the lowest to the highest price. Null when fewer than MIN_COMPARABLES match.
 */
export async function getComparablePrices({ category, title }: { category: Category; title: string }): Promise<ComparablePrices | null> {
  const words = titleWordsQuery(title);
  if (!words) return null;
  const db = await getDb();
  // The generated search vector weighs title words 'A' and description words 'B'; ts_filter keeps the title's.
  const titleMatches = sql`ts_filter(${listings.searchVector}, '{a}') @@ websearch_to_tsquery('english', ${words})`;
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      lowCents: sql<number | null>`percentile_disc(0.1) within group (order by ${listings.priceCents})`,
      highCents: sql<number | null>`percentile_disc(0.9) within group (order by ${listings.priceCents})`,
    })
    .from(listings)
    .where(and(eq(listings.category, category), inArray(listings.status, ["active", "sold"]), titleMatches));
  if (!row || row.count < MIN_COMPARABLES || row.lowCents === null || row.highCents === null) return null;
  return { lowCents: Number(row.lowCents), highCents: Number(row.highCents), count: row.count };
}
