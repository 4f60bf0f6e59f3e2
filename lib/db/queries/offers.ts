import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/lib/db/client";
import { conversationBlocks, conversations, listings, offers, type Offer } from "@/lib/db/schema";
import { VISIBLE_CONDITION } from "@/lib/db/queries/listings";
import { isUuid } from "@/lib/db/uuid";

// Offers follow one rule: in a conversation at most one offer is pending. Making an offer closes
// the pending one (as "countered" when it was the other side's, "withdrawn" when it was one's
// own); the side an offer is made to accepts or declines it. Accepting reserves the listing for
// the conversation's buyer and declines every other pending offer on it. Every statement names
// the acting user: a forged id finds nothing.

export type OfferRefusal = "not-found" | "own-listing" | "not-available" | "not-pending" | "blocked";
export type OfferResult<T extends object> = ({ ok: true } & T) | { ok: false; reason: OfferRefusal };

/** Who to tell about an offer event: the other side, the listing, the amount. */
export type OfferEvent = {
  conversationId: string;
  listingId: string;
  listingTitle: string;
  buyerId: string;
  sellerId: string;
  amountCents: number;
};

type Locked = { conversationId: string; listingId: string; title: string; status: string; buyerId: string; sellerId: string };

async function lockConversation(tx: Transaction, conversationId: string, userId: string): Promise<Locked | null> {
  const [row] = await tx
    .select({
      conversationId: conversations.id,
      listingId: listings.id,
      title: listings.title,
      status: listings.status,
      buyerId: conversations.buyerId,
      sellerId: conversations.sellerId,
    })
    .from(conversations)
    .innerJoin(listings, eq(listings.id, conversations.listingId))
    .where(and(eq(conversations.id, conversationId), or(eq(conversations.buyerId, userId), eq(conversations.sellerId, userId)), VISIBLE_CONDITION))
    // The listing row is locked too: its status decides whether an offer may be made or accepted.
    .for("update");
  return row ?? null;
}

/** A block by either side ends offers as it ends messages (checked under the conversation's lock). */
async function isBlocked(tx: Transaction, conversationId: string): Promise<boolean> {
  const [block] = await tx.select({ id: conversationBlocks.conversationId }).from(conversationBlocks).where(eq(conversationBlocks.conversationId, conversationId)).limit(1);
  return Boolean(block);
}

async function conversationForBuyer(tx: Transaction, listingId: string, buyerId: string): Promise<OfferResult<{ conversationId: string }>> {
  const [listing] = await tx.select({ sellerId: listings.sellerId, status: listings.status }).from(listings).where(and(eq(listings.id, listingId), VISIBLE_CONDITION)).for("update");
  if (!listing) return { ok: false, reason: "not-found" };
  if (listing.sellerId === buyerId) return { ok: false, reason: "own-listing" };
  if (listing.status !== "active") return { ok: false, reason: "not-available" };
  await tx
    .insert(conversations)
    .values({ listingId, buyerId, sellerId: listing.sellerId })
    .onConflictDoNothing({ target: [conversations.listingId, conversations.buyerId] });
  const [conversation] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.listingId, listingId), eq(conversations.buyerId, buyerId)));
  return { ok: true, conversationId: conversation.id };
}

/**
 * An offer by `userId`: from a listing page (`listingId`, the buyer; the conversation is started
 * if there is none) or in a conversation (`conversationId`, either side; a counter-offer).
 */
export async function makeOffer(
  userId: string,
  target: { listingId: string } | { conversationId: string },
  amountCents: number,
): Promise<OfferResult<{ offer: Offer; event: OfferEvent; recipientId: string }>> {
  const id = "listingId" in target ? target.listingId : target.conversationId;
  if (!isUuid(id)) return { ok: false, reason: "not-found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    let conversationId: string;
    if ("listingId" in target) {
      const started = await conversationForBuyer(tx, target.listingId, userId);
      if (!started.ok) return started;
      conversationId = started.conversationId;
    } else {
      conversationId = target.conversationId;
    }
    const locked = await lockConversation(tx, conversationId, userId);
    if (!locked) return { ok: false, reason: "not-found" };
    if (await isBlocked(tx, conversationId)) return { ok: false, reason: "blocked" };
    if (locked.status !== "active") return { ok: false, reason: "not-available" };
    await tx
      .update(offers)
      .set({ status: sql`case when ${offers.fromUserId} = ${userId} then 'withdrawn' else 'countered' end::offer_status`, respondedAt: sql`statement_timestamp()` })
      .where(and(eq(offers.conversationId, conversationId), eq(offers.status, "pending")));
    const [offer] = await tx
      .insert(offers)
      .values({ conversationId, fromUserId: userId, amountCents, createdAt: sql`statement_timestamp()` })
      .returning();
    await tx.update(conversations).set({ lastMessageAt: sql`statement_timestamp()` }).where(eq(conversations.id, conversationId));
    return { ok: true, offer, event: eventOf(locked, amountCents), recipientId: userId === locked.buyerId ? locked.sellerId : locked.buyerId };
  });
}

function eventOf(locked: Locked, amountCents: number): OfferEvent {
  return { conversationId: locked.conversationId, listingId: locked.listingId, listingTitle: locked.title, buyerId: locked.buyerId, sellerId: locked.sellerId, amountCents };
}

export type OfferResponse = "accept" | "decline";

/**
 * The side an offer was made to accepts or declines it. Accepting needs the listing still
 * active; it reserves it for the buyer and declines the other pending offers on it (returned, so
 * their makers can be told).
 */
export async function respondToOffer(
  userId: string,
  offerId: string,
  response: OfferResponse,
): Promise<OfferResult<{ event: OfferEvent; makerId: string; declinedElsewhere: { offerId: string; buyerId: string; amountCents: number }[] }>> {
  if (!isUuid(offerId)) return { ok: false, reason: "not-found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [offer] = await tx.select().from(offers).where(and(eq(offers.id, offerId), ne(offers.fromUserId, userId)));
    if (!offer) return { ok: false, reason: "not-found" };
    const locked = await lockConversation(tx, offer.conversationId, userId);
    if (!locked) return { ok: false, reason: "not-found" };
    if (await isBlocked(tx, offer.conversationId)) return { ok: false, reason: "blocked" };
    // Re-read under the lock: a counter-offer may have closed it meanwhile.
    const [current] = await tx.select({ status: offers.status }).from(offers).where(eq(offers.id, offerId));
    if (current.status !== "pending") return { ok: false, reason: "not-pending" };
    if (response === "accept" && locked.status !== "active") return { ok: false, reason: "not-available" };
    await tx
      .update(offers)
      .set({ status: response === "accept" ? "accepted" : "declined", respondedAt: sql`statement_timestamp()` })
      .where(eq(offers.id, offerId));
    let declinedElsewhere: { offerId: string; buyerId: string; amountCents: number }[] = [];
    if (response === "accept") {
      await tx.update(listings).set({ status: "reserved", reservedForId: locked.buyerId }).where(eq(listings.id, locked.listingId));
      declinedElsewhere = await tx
        .select({ offerId: offers.id, buyerId: conversations.buyerId, amountCents: offers.amountCents })
        .from(offers)
        .innerJoin(conversations, eq(conversations.id, offers.conversationId))
        .where(and(eq(conversations.listingId, locked.listingId), ne(conversations.id, locked.conversationId), eq(offers.status, "pending")));
      if (declinedElsewhere.length > 0) {
        await tx
          .update(offers)
          .set({ status: "declined", respondedAt: sql`statement_timestamp()` })
          .where(inArray(offers.id, declinedElsewhere.map((other) => other.offerId)));
      }
    }
    await tx.update(conversations).set({ lastMessageAt: sql`statement_timestamp()` }).where(eq(conversations.id, locked.conversationId));
    return { ok: true, event: eventOf(locked, offer.amountCents), makerId: offer.fromUserId, declinedElsewhere };
  });
}

/** The offers of a conversation, oldest first (the caller has checked the viewer takes part). */
export async function listOffers(conversationId: string) {
  if (!isUuid(conversationId)) return [];
  const db = await getDb();
  return db
    .select({ id: offers.id, fromUserId: offers.fromUserId, amountCents: offers.amountCents, status: offers.status, createdAt: offers.createdAt, respondedAt: offers.respondedAt })
    .from(offers)
    .where(eq(offers.conversationId, conversationId))
    .orderBy(asc(offers.createdAt), asc(offers.id));
}

export type ConversationOffer = Awaited<ReturnType<typeof listOffers>>[number];
