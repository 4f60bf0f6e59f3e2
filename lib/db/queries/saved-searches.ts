import { and, asc, desc, eq, gt, isNotNull, isNull, lte, gte, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { listings, savedSearches } from "@/lib/db/schema";
import { isUuid } from "@/lib/db/uuid";
import { listingDistanceKm } from "./listings";
import { savedSearchFilters } from "@/lib/listings/saved-search-query";

// A user keeps a short list, not an archive: past this many the oldest must go first.
export const MAX_SAVED_SEARCHES = 50;

export type SaveSearchResult = { ok: true; id: string } | { ok: false; reason: "too-many" };

/** Saves a normalised query for `userId`; saving the same query again returns the existing one. */
export async function saveSearch(userId: string, query: string): Promise<SaveSearchResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: savedSearches.id })
      .from(savedSearches)
      .where(and(eq(savedSearches.userId, userId), eq(savedSearches.query, query)));
    if (existing) return { ok: true, id: existing.id };
    const [{ total }] = await tx.select({ total: sql<number>`count(*)::int` }).from(savedSearches).where(eq(savedSearches.userId, userId));
    if (total >= MAX_SAVED_SEARCHES) return { ok: false, reason: "too-many" };
    const [row] = await tx
      .insert(savedSearches)
      .values({ userId, query, ...savedSearchFilters(query) })
      .onConflictDoUpdate({ target: [savedSearches.userId, savedSearches.query], set: { query } })
      .returning({ id: savedSearches.id });
    return { ok: true, id: row.id };
  });
}

export async function findSavedSearchId(userId: string, query: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: savedSearches.id })
    .from(savedSearches)
    .where(and(eq(savedSearches.userId, userId), eq(savedSearches.query, query)));
  return row?.id ?? null;
}

export async function listSavedSearches(userId: string) {
  const db = await getDb();
  return db
    .select({ id: savedSearches.id, query: savedSearches.query, paused: savedSearches.paused, createdAt: savedSearches.createdAt })
    .from(savedSearches)
    .where(eq(savedSearches.userId, userId))
    .orderBy(desc(savedSearches.createdAt));
}

/** Pauses or resumes one of the user's saved searches; false if it is not theirs. */
export async function setSavedSearchPaused(userId: string, id: string, paused: boolean): Promise<boolean> {
  if (!isUuid(id)) return false;
  const db = await getDb();
  const updated = await db
    .update(savedSearches)
    .set({ paused })
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
    .returning({ id: savedSearches.id });
  return updated.length > 0;
}

export async function deleteSavedSearch(userId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const db = await getDb();
  const deleted = await db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
    .returning({ id: savedSearches.id });
  return deleted.length > 0;
}

export type SavedSearchMatch = { id: string; userId: string; query: string };

/**
 * One batch of the saved searches a listing matches, after `afterId` in id order. Everything is
 * tested in SQL on the one listing's row: first the cheap, indexed filters (category, condition,
 * price range, not paused, not the seller's own), then the distance for a near search, then the
 * text, with the same full-text rules as the results page (websearch_to_tsquery against the listing's search vector). The caller
 * walks the batches, so thousands of saved searches never sit in memory at once.
 */
export async function findSavedSearchMatches(listingId: string, afterId: string | null, batchSize: number): Promise<SavedSearchMatch[]> {
  if (!isUuid(listingId)) return [];
  const db = await getDb();
  return db
    .select({ id: savedSearches.id, userId: savedSearches.userId, query: savedSearches.query })
    .from(savedSearches)
    .innerJoin(listings, eq(listings.id, listingId))
    .where(
      and(
        eq(savedSearches.paused, false),
        ne(savedSearches.userId, listings.sellerId),
        or(isNull(savedSearches.category), eq(savedSearches.category, listings.category)),
        or(isNull(savedSearches.condition), eq(savedSearches.condition, listings.condition)),
        or(isNull(savedSearches.minCents), lte(savedSearches.minCents, listings.priceCents)),
        or(isNull(savedSearches.maxCents), gte(savedSearches.maxCents, listings.priceCents)),
        or(isNull(savedSearches.q), sql`${listings.searchVector} @@ websearch_to_tsquery('english', ${savedSearches.q})`),
        or(
          isNull(savedSearches.nearLat),
          and(isNotNull(listings.placeLat), sql`${listingDistanceKm(sql`${savedSearches.nearLat}`, sql`${savedSearches.nearLng}`)} <= ${savedSearches.nearKm}`),
        ),
        afterId ? gt(savedSearches.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(savedSearches.id))
    .limit(batchSize);
}
