import { and, count, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { aiCallLatencyRollups, aiCallRollups, aiCalls, images, listings, user, type NewAiCall, type NewListing } from "@/lib/db/schema";

type NewImage = typeof images.$inferInsert;

// Writes used only by the demo seed and the synthetic catalogue and call log (lib/seed/).

export async function countListings(): Promise<number> {
  const db = await getDb();
  const [{ total }] = await db.select({ total: count() }).from(listings);
  return total;
}

/** How many calls in the log are real (not made up by `npm run seed:calls`); seed:calls refuses to mix into those. */
export async function countRealAiCalls(): Promise<number> {
  const db = await getDb();
  const [{ total }] = await db.select({ total: count() }).from(aiCalls).where(eq(aiCalls.synthetic, false));
  return total;
}

/** email → user id for the accounts among `emails` that exist. */
export async function getUserIdsByEmail(emails: string[]): Promise<Map<string, string>> {
  const db = await getDb();
  const rows = await db.select({ id: user.id, email: user.email }).from(user).where(inArray(user.email, emails));
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** Titles of the listings each of these sellers already has, as `${sellerId}\n${title}`. */
export async function getSellerListingTitles(sellerIds: string[]): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db
    .select({ sellerId: listings.sellerId, title: listings.title })
    .from(listings)
    .where(inArray(listings.sellerId, sellerIds));
  return new Set(rows.map((row) => `${row.sellerId}\n${row.title}`));
}

/** A listing and its already stored photos (in gallery order), together or not at all. */
export async function insertListingWithPhotos(values: NewListing, imageIds: string[]): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [listing] = await tx.insert(listings).values(values).returning({ id: listings.id });
    for (const [position, imageId] of imageIds.entries()) {
      await tx
        .update(images)
        .set({ listingId: listing.id, position })
        .where(and(eq(images.id, imageId), eq(images.ownerId, values.sellerId)));
    }
    return listing.id;
  });
}

/** One batch of the synthetic catalogue: one multi-row insert for the listings, one for their photos. */
export async function insertCatalogueBatch(rows: (NewListing & { id: string })[], photos: NewImage[]): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(listings).values(rows);
    await tx.insert(images).values(photos);
  });
}

export async function deleteImageRows(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const db = await getDb();
  await db.delete(images).where(inArray(images.id, ids));
}

/** One batch of synthetic AI calls (lib/seed/calls.ts). */
export async function insertAiCallBatch(rows: NewAiCall[]): Promise<void> {
  const db = await getDb();
  await db.insert(aiCalls).values(rows);
}

/**
 * After a bulk load of listings: fresh planner statistics, and a visibility map so index-only
 * scans need not visit the table (what autovacuum does on a live PostgreSQL; PGlite has none).
 */
export async function vacuumCatalogueTables(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`vacuum analyze ${listings}`);
  await db.execute(sql`vacuum analyze ${images}`);
}

/** Fresh planner statistics after a bulk load (PGlite has no autovacuum to gather them). */
export async function analyzeAiCallTables(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`analyze ${aiCalls}`);
  await db.execute(sql`analyze ${aiCallRollups}`);
  await db.execute(sql`analyze ${aiCallLatencyRollups}`);
}
