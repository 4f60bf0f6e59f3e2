import { and, eq } from "drizzle-orm";
import { getDb, type Database } from "@/lib/db/client";
import { isUuid } from "@/lib/db/queries/listings";
import { aiCalls, listings, type AiCall, type NewAiCall } from "@/lib/db/schema";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export async function insertAiCall(values: NewAiCall): Promise<void> {
  const db = await getDb();
  await db.insert(aiCalls).values(values);
}

export async function getAiCallById(callId: string): Promise<AiCall | null> {
  if (!isUuid(callId)) return null;
  const db = await getDb();
  const [call] = await db.select().from(aiCalls).where(eq(aiCalls.id, callId));
  return call ?? null;
}

/** A call, only if `userId` made it (a seller reads their own suggestion, nobody else's). */
export async function getAiCallForUser(callId: string, userId: string): Promise<AiCall | null> {
  if (!isUuid(callId)) return null;
  const db = await getDb();
  const [call] = await db
    .select()
    .from(aiCalls)
    .where(and(eq(aiCalls.id, callId), eq(aiCalls.userId, userId)));
  return call ?? null;
}

/** Stores the seller's thumbs up (1) or down (-1); a later rating replaces an earlier one. False: not this user's call. */
export async function setAiCallFeedback(callId: string, userId: string, rating: 1 | -1, reason: string | null): Promise<boolean> {
  if (!isUuid(callId)) return false;
  const db = await getDb();
  const updated = await db
    .update(aiCalls)
    .set({ feedbackRating: rating, feedbackReason: rating === -1 ? reason : null, feedbackAt: new Date() })
    .where(and(eq(aiCalls.id, callId), eq(aiCalls.userId, userId)))
    .returning({ id: aiCalls.id });
  return updated.length > 0;
}

/**
 * Links a call and the listing published from it, both ways (ai_calls.listing_id and
 * listings.ai_call_id), inside the caller's transaction. Only the user who made the call and
 * sells the listing can link them. False when either is not theirs, or when the call was never
 * recorded (recording is best-effort), so the listing is published without the link.
 */
export async function linkAiCallToListing(tx: Transaction | Database, callId: string, userId: string, listingId: string): Promise<boolean> {
  if (!isUuid(callId) || !isUuid(listingId)) return false;
  const [listing] = await tx
    .select({ id: listings.id })
    .from(listings)
    .where(and(eq(listings.id, listingId), eq(listings.sellerId, userId)));
  if (!listing) return false;
  // The call row first: setting listings.ai_call_id to a call that was never recorded would
  // break the foreign key and with it the seller's whole transaction.
  const linked = await tx
    .update(aiCalls)
    .set({ listingId })
    .where(and(eq(aiCalls.id, callId), eq(aiCalls.userId, userId)))
    .returning({ id: aiCalls.id });
  if (linked.length === 0) return false;
  await tx.update(listings).set({ aiCallId: callId }).where(eq(listings.id, listingId));
  return true;
}
