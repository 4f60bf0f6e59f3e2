import { linkExposureToListing } from "./rollouts";
import { and, asc, desc, eq, getTableName, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/lib/db/client";
import { linkAiCallToListing } from "@/lib/db/queries/ai-calls";
import { isUuid } from "@/lib/db/uuid";
import { conversations, images, listings, savedListings, user } from "@/lib/db/schema";
import type { PlacedListingInput } from "@/lib/listings/listing-schema";
import type { ListingStatus } from "@/lib/listings/options";
import type { ImplicitFeedback } from "@/lib/db/json-columns";

// Every mutation here names the acting user and only touches rows whose seller_id is that user:
// ownership is part of each statement, not a check done earlier that a forged call could skip.


export type SellerMutationResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not-found" | "photos-unavailable" };

/** Thrown inside a transaction to roll it back when a photo cannot be attached. */
class PhotosUnavailable extends Error {}

/**
 * Puts `photoIds` on the listing in the given order. A photo qualifies only if `sellerId`
 * uploaded it and it is unattached or already on this listing; otherwise the transaction rolls back.
 */
async function attachPhotos(tx: Transaction, sellerId: string, listingId: string, photoIds: string[]) {
  for (const [position, photoId] of photoIds.entries()) {
    const attached = await tx
      .update(images)
      .set({ listingId, position })
      .where(
        and(
          eq(images.id, photoId),
          eq(images.ownerId, sellerId),
          or(isNull(images.listingId), eq(images.listingId, listingId)),
        ),
      )
      .returning({ id: images.id });
    if (attached.length === 0) throw new PhotosUnavailable();
  }
}

async function inTransaction<T extends object>(
  work: (tx: Transaction) => Promise<SellerMutationResult<T>>,
): Promise<SellerMutationResult<T>> {
  const db = await getDb();
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof PhotosUnavailable) return { ok: false, reason: "photos-unavailable" };
    throw error;
  }
}

/** The AI call whose suggestion pre-filled a new listing, what to store of it (listings.ai_suggestion), and what the seller did with it. */
export type SuggestionSource = { callId: string; suggestion: Record<string, unknown>; implicitFeedback: ImplicitFeedback };

export async function createListing(
  sellerId: string,
  input: PlacedListingInput,
  source?: SuggestionSource,
): Promise<SellerMutationResult<{ id: string }>> {
  const { photoIds, ...fields } = input;
  return inTransaction(async (tx) => {
    const [listing] = await tx.insert(listings).values({ ...fields, sellerId }).returning({ id: listings.id });
    await attachPhotos(tx, sellerId, listing.id, photoIds);
    // The place of a seller's latest listing is pre-selected the next time they sell.
    await tx.update(user).set({ defaultPlace: fields.placeName }).where(eq(user.id, sellerId));
    // The suggestion is kept only with its call: one without the other cannot be compared later.
    if (source && (await linkAiCallToListing(tx, source.callId, sellerId, listing.id, source.implicitFeedback))) {
      await tx.update(listings).set({ aiSuggestion: source.suggestion }).where(eq(listings.id, listing.id));
    }
    // For rollout results: the pre-fill request (of any variant, holdout included) that led here.
    await linkExposureToListing(tx, sellerId, source?.callId ?? null, listing.id);
    return { ok: true, id: listing.id };
  });
}

/** What a change that removed photos leaves for the caller: the files to delete once the rows are gone. */
export type RemovedPhotos = { removedStorageKeys: string[] };

/** Saves fields and the photo set; photo rows taken off the listing are deleted (their files are the caller's, lib/sell/manage-listings.ts). */
export async function updateListing(sellerId: string, listingId: string, input: PlacedListingInput): Promise<SellerMutationResult<RemovedPhotos>> {
  if (!isUuid(listingId)) return { ok: false, reason: "not-found" };
  const { photoIds, ...fields } = input;
  return inTransaction(async (tx): Promise<SellerMutationResult<RemovedPhotos>> => {
    const updated = await tx
      .update(listings)
      .set(fields)
      .where(and(eq(listings.id, listingId), eq(listings.sellerId, sellerId)))
      .returning({ id: listings.id });
    if (updated.length === 0) return { ok: false, reason: "not-found" };
    await attachPhotos(tx, sellerId, listingId, photoIds);
    const removed = await tx
      .delete(images)
      .where(and(eq(images.listingId, listingId), notInArray(images.id, photoIds)))
      .returning({ storageKey: images.storageKey });
    return { ok: true, removedStorageKeys: removed.map((image) => image.storageKey) };
  });
}

/**
 * Sets the status. Marking it sold may name the buyer (`soldToId`, someone who wrote about it;
 * the caller checks that with getListingBuyers); active again forgets any reservation.
 */
export async function setListingStatus(sellerId: string, listingId: string, status: ListingStatus, soldToId: string | null = null): Promise<SellerMutationResult> {
  if (!isUuid(listingId)) return { ok: false, reason: "not-found" };
  const db = await getDb();
  const updated = await db
    .update(listings)
    .set({ status, soldToId: status === "sold" ? soldToId : null, ...(status === "active" ? { reservedForId: null } : {}) })
    .where(and(eq(listings.id, listingId), eq(listings.sellerId, sellerId)))
    .returning({ id: listings.id });
  return updated.length > 0 ? { ok: true } : { ok: false, reason: "not-found" };
}

/** Deletes the listing, its photo rows and (by cascade) its conversations. */
export async function deleteListing(sellerId: string, listingId: string): Promise<SellerMutationResult<RemovedPhotos>> {
  if (!isUuid(listingId)) return { ok: false, reason: "not-found" };
  return inTransaction(async (tx): Promise<SellerMutationResult<RemovedPhotos>> => {
    const owned = and(eq(listings.id, listingId), eq(listings.sellerId, sellerId));
    // Photos first: deleting the listing would only detach them (images.listing_id is "set null").
    const removed = await tx
      .delete(images)
      .where(inArray(images.listingId, tx.select({ id: listings.id }).from(listings).where(owned)))
      .returning({ storageKey: images.storageKey });
    const deleted = await tx.delete(listings).where(owned).returning({ id: listings.id });
    if (deleted.length === 0) return { ok: false, reason: "not-found" };
    return { ok: true, removedStorageKeys: removed.map((image) => image.storageKey) };
  });
}

// Drizzle leaves column names unqualified in a single-table select, so inside a subquery a bare
// "id" would mean the subquery's own table: the outer listing's id is spelled out in full.
const outerListingId = sql`${sql.identifier(getTableName(listings))}.${sql.identifier(listings.id.name)}`;

/** Every listing of a seller, newest first, with its first photo and how many buyers wrote about it. */
export async function getSellerListings(sellerId: string) {
  const db = await getDb();
  return db
    .select({
      id: listings.id,
      title: listings.title,
      priceCents: listings.priceCents,
      status: listings.status,
      createdAt: listings.createdAt,
      hiddenAt: listings.hiddenAt,
      hiddenReason: listings.hiddenReason,
      imageKey: sql<string | null>`(
        select ${images.storageKey} from ${images}
        where ${images.listingId} = ${outerListingId}
        order by ${images.position} asc limit 1
      )`,
      conversationCount: sql<number>`(
        select count(*) from ${conversations} where ${conversations.listingId} = ${outerListingId}
      )::int`,
      saveCount: sql<number>`(
        select count(*) from ${savedListings} where ${savedListings.listingId} = ${outerListingId}
      )::int`,
      reservedForId: listings.reservedForId,
      soldToId: listings.soldToId,
    })
    .from(listings)
    .where(eq(listings.sellerId, sellerId))
    .orderBy(desc(listings.createdAt));
}

export type SellerListing = Awaited<ReturnType<typeof getSellerListings>>[number];

/** The listing with its photos in order, only if `sellerId` is its seller; otherwise null. */
export async function getListingForEdit(sellerId: string, listingId: string) {
  if (!isUuid(listingId)) return null;
  const db = await getDb();
  const [listing] = await db
    .select()
    .from(listings)
    .where(and(eq(listings.id, listingId), eq(listings.sellerId, sellerId)));
  if (!listing) return null;
  const photos = await db
    .select({ id: images.id, storageKey: images.storageKey })
    .from(images)
    .where(eq(images.listingId, listingId))
    .orderBy(asc(images.position));
  return { ...listing, photos };
}
