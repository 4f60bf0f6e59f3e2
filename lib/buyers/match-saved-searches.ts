import { getListingById } from "@/lib/db/queries/listings";
import { findSavedSearchMatches } from "@/lib/db/queries/saved-searches";
import { formatPrice } from "@/lib/listings/format";
import { describeSavedSearch } from "@/lib/listings/saved-search-query";
import { notify } from "./notifier";

// Big enough that a few thousand saved searches take a handful of round trips, small enough that
// one batch of notifications is a modest insert.
export const MATCH_BATCH_SIZE = 500;

/**
 * Tells the owner of every saved search a newly published listing matches. Run after the publish
 * has answered (next/server `after`). The database does the matching, batch by batch in id
 * order (lib/db/queries/saved-searches.ts): indexed filters first, then full text on the one
 * listing, so the cost grows with the saved searches that pass the filters, never with the
 * catalogue. Returns how many were notified.
 */
export async function matchSavedSearches(listingId: string, { batchSize = MATCH_BATCH_SIZE } = {}): Promise<number> {
  const listing = await getListingById(listingId);
  if (!listing || listing.status === "sold") return 0;
  let notified = 0;
  let afterId: string | null = null;
  for (;;) {
    const matches = await findSavedSearchMatches(listingId, afterId, batchSize);
    if (matches.length === 0) break;
    const stored = await notify(
      matches.map((match) => ({
        userId: match.userId,
        kind: "search-match" as const,
        text: `New for your search ${describeSavedSearch(match.query)}: ${listing.title}, ${formatPrice(listing.priceCents)}`,
        href: `/listings/${listing.id}`,
        savedSearchId: match.id,
        listingId: listing.id,
      })),
    );
    notified += stored.length;
    afterId = matches[matches.length - 1].id;
    if (matches.length < batchSize) break;
  }
  return notified;
}

/** The same, never throwing: for `after()`, where an error has nobody to go to but the log. */
export async function matchSavedSearchesInBackground(listingId: string): Promise<void> {
  try {
    await matchSavedSearches(listingId);
  } catch (error) {
    console.error("[saved-searches] matching a new listing failed:", error);
  }
}
