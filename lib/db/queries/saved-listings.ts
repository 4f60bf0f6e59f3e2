import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { listings, savedListings } from "@/lib/db/schema";
import { isUuid } from "@/lib/db/uuid";
import { listingCardColumns } from "./listings";

/** Saves a listing for `userId` (saving twice is one save). False when there is no such listing. */
export async function saveListing(userId: string, listingId: string): Promise<boolean> {
  if (!isUuid(listingId)) return false;
  const db = await getDb();
  const [listing] = await db.select({ title: listings.title }).from(listings).where(eq(listings.id, listingId));
  if (!listing) return false;
  await db
    .insert(savedListings)
    .values({ userId, listingId, listingTitle: listing.title })
    .onConflictDoNothing({ target: [savedListings.userId, savedListings.listingId] });
  return true;
}

export async function unsaveListing(userId: string, listingId: string): Promise<void> {
  if (!isUuid(listingId)) return;
  const db = await getDb();
  await db.delete(savedListings).where(and(eq(savedListings.userId, userId), eq(savedListings.listingId, listingId)));
}

/** Which of `listingIds` the user has saved. */
export async function getSavedListingIds(userId: string, listingIds: string[]): Promise<Set<string>> {
  const ids = listingIds.filter(isUuid);
  if (ids.length === 0) return new Set();
  const db = await getDb();
  const rows = await db
    .select({ listingId: savedListings.listingId })
    .from(savedListings)
    .where(and(eq(savedListings.userId, userId), inArray(savedListings.listingId, ids)));
  return new Set(rows.map((row) => row.listingId!));
}

/** Everything the user saved, newest first; a listing deleted since has `listing: null`. */
export async function listSavedListings(userId: string) {
  const db = await getDb();
  const rows = await db
    .select({
      id: savedListings.id,
      savedTitle: savedListings.listingTitle,
      savedAt: savedListings.createdAt,
      listingId: listings.id,
      listing: listingCardColumns,
    })
    .from(savedListings)
    .leftJoin(listings, eq(listings.id, savedListings.listingId))
    .where(eq(savedListings.userId, userId))
    .orderBy(desc(savedListings.createdAt));
  return rows.map(({ listingId, listing, ...row }) => ({ ...row, listing: listingId ? listing : null }));
}

/** How many people saved a listing. */
export async function countSaves(listingId: string): Promise<number> {
  if (!isUuid(listingId)) return 0;
  const db = await getDb();
  const [row] = await db.select({ saves: count() }).from(savedListings).where(eq(savedListings.listingId, listingId));
  return row?.saves ?? 0;
}
