import { and, asc, count, desc, eq, gt, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Transaction } from "@/lib/db/client";
import { conversations, listings, messages, user } from "@/lib/db/schema";
import { isUuid } from "@/lib/db/uuid";
import { listingCardColumns, VISIBLE_CONDITION } from "./listings";
import { conversationNotBlocked } from "./safety";


const SNIPPET_LENGTH = 140;

/** The SQL condition "userId is the buyer or the seller of this conversation". */
function isParticipant(userId: string): SQL {
  return or(eq(conversations.buyerId, userId), eq(conversations.sellerId, userId))!;
}

/** Messages written to `userId` in a conversation after they last read it. */
function unreadFor(userId: string): SQL {
  return and(
    ne(messages.senderId, userId),
    or(
      and(eq(conversations.buyerId, userId), gt(messages.createdAt, conversations.buyerLastReadAt)),
      and(eq(conversations.sellerId, userId), gt(messages.createdAt, conversations.sellerLastReadAt)),
    ),
  )!;
}

/** Messages written to `userId` that they have not read yet, across all their conversations. */
export async function getUnreadMessageCount(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ unread: count() })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(unreadFor(userId));
  return row?.unread ?? 0;
}

/** The id of the conversation `buyerId` already has about a listing, or null. */
export async function findConversationId(listingId: string, buyerId: string, tx?: Transaction): Promise<string | null> {
  if (!isUuid(listingId)) return null;
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.listingId, listingId), eq(conversations.buyerId, buyerId)));
  return row?.id ?? null;
}

export type StartConversationResult =
  | { ok: true; conversationId: string }
  | { ok: false; reason: "listing-not-found" | "own-listing" | "listing-sold" | "blocked" };

/**
 * Sends a buyer's message about a listing: into their existing conversation on it, or into a new
 * one. A new conversation needs a listing that is not sold and not the buyer's own; an existing
 * one continues whatever the listing's state.
 */
export async function startConversation(listingId: string, buyerId: string, body: string): Promise<StartConversationResult> {
  if (!isUuid(listingId)) return { ok: false, reason: "listing-not-found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const conversationId =
      (await findConversationId(listingId, buyerId, tx)) ??
      (await insertConversation(tx, listingId, buyerId)) ??
      // A concurrent request of the same buyer may have just created it.
      (await findConversationId(listingId, buyerId, tx));
    if (!conversationId) return { ok: false, reason: await refusalReason(tx, listingId, buyerId) };
    if (!(await appendMessage(tx, conversationId, buyerId, body))) return { ok: false, reason: "blocked" };
    return { ok: true, conversationId };
  });
}

async function insertConversation(tx: Transaction, listingId: string, buyerId: string): Promise<string | null> {
  // Locked so that the listing cannot be marked sold between this check and the insert.
  const [listing] = await tx
    .select({ sellerId: listings.sellerId })
    .from(listings)
    .where(and(eq(listings.id, listingId), ne(listings.sellerId, buyerId), ne(listings.status, "sold"), VISIBLE_CONDITION))
    .for("share");
  if (!listing) return null;
  const [row] = await tx
    .insert(conversations)
    .values({ listingId, buyerId, sellerId: listing.sellerId })
    .onConflictDoNothing({ target: [conversations.listingId, conversations.buyerId] })
    .returning({ id: conversations.id });
  return row?.id ?? null;
}

async function refusalReason(tx: Transaction, listingId: string, buyerId: string) {
  const [listing] = await tx
    .select({ sellerId: listings.sellerId, status: listings.status })
    .from(listings)
    .where(and(eq(listings.id, listingId), VISIBLE_CONDITION));
  // A hidden listing reads as gone, as its page does.
  if (!listing) return "listing-not-found" as const;
  return listing.sellerId === buyerId ? ("own-listing" as const) : ("listing-sold" as const);
}

/**
 * Adds a message from `senderId` to a conversation they take part in; null when the conversation
 * does not exist, is not theirs, or either side has blocked it.
 */
export async function addMessage(conversationId: string, senderId: string, body: string) {
  if (!isUuid(conversationId)) return null;
  const db = await getDb();
  return db.transaction((tx) => appendMessage(tx, conversationId, senderId, body));
}

async function appendMessage(tx: Transaction, conversationId: string, senderId: string, body: string) {
  // Locking the conversation first orders its messages: each one is stamped after the previous
  // one committed, so "read up to last_message_at" never skips a message still being written.
  const [conversation] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), isParticipant(senderId), conversationNotBlocked(sql`"conversations"."id"`)))
    .for("update");
  if (!conversation) return null;
  const [message] = await tx
    .insert(messages)
    .values({ conversationId, senderId, body, createdAt: sql`statement_timestamp()` })
    .returning();
  // Writing a message means having read the conversation up to it.
  await tx
    .update(conversations)
    .set({
      lastMessageAt: sql`statement_timestamp()`,
      buyerLastReadAt: sql`case when ${conversations.buyerId} = ${senderId} then statement_timestamp() else ${conversations.buyerLastReadAt} end`,
      sellerLastReadAt: sql`case when ${conversations.sellerId} = ${senderId} then statement_timestamp() else ${conversations.sellerLastReadAt} end`,
    })
    .where(eq(conversations.id, conversationId));
  return message;
}

const otherParty = alias(user, "other_party");

/** Every conversation of `userId`, as buyer or seller, with the latest activity first. */
export async function listConversations(userId: string) {
  const db = await getDb();
  const lastMessage = db
    .select({
      body: sql<string>`left(${messages.body}, ${SNIPPET_LENGTH})`.as("snippet"),
      senderId: sql<string>`${messages.senderId}`.as("last_sender_id"),
    })
    .from(messages)
    .where(eq(messages.conversationId, conversations.id))
    .orderBy(desc(messages.createdAt))
    .limit(1)
    .as("last_message");
  return db
    .select({
      id: conversations.id,
      role: sql<"buyer" | "seller">`case when ${conversations.buyerId} = ${userId} then 'buyer' else 'seller' end`,
      listingId: listings.id,
      listingTitle: listings.title,
      listingPriceCents: listings.priceCents,
      listingStatus: listings.status,
      listingImageKey: listingCardColumns.imageKey,
      otherPartyName: otherParty.name,
      lastMessageSnippet: lastMessage.body,
      lastMessageSenderId: lastMessage.senderId,
      lastMessageAt: conversations.lastMessageAt,
      unreadCount: sql<number>`(
        select count(*) from ${messages}
        where ${messages.conversationId} = ${conversations.id} and ${unreadFor(userId)}
      )`.mapWith(Number),
    })
    .from(conversations)
    .innerJoin(listings, eq(listings.id, conversations.listingId))
    .innerJoin(
      otherParty,
      eq(otherParty.id, sql`case when ${conversations.buyerId} = ${userId} then ${conversations.sellerId} else ${conversations.buyerId} end`),
    )
    .leftJoinLateral(lastMessage, sql`true`)
    .where(isParticipant(userId))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id));
}

export type ConversationSummary = Awaited<ReturnType<typeof listConversations>>[number];

const buyer = alias(user, "buyer");
const seller = alias(user, "seller");

/** One conversation with its messages, oldest first; null unless `userId` is its buyer or seller. */
export async function getConversationForParticipant(conversationId: string, userId: string) {
  if (!isUuid(conversationId)) return null;
  const db = await getDb();
  const [conversation] = await db
    .select({
      id: conversations.id,
      buyerId: conversations.buyerId,
      sellerId: conversations.sellerId,
      buyerName: buyer.name,
      sellerName: seller.name,
      listing: {
        id: listings.id,
        title: listings.title,
        priceCents: listings.priceCents,
        status: listings.status,
        imageKey: listingCardColumns.imageKey,
      },
    })
    .from(conversations)
    .innerJoin(listings, eq(listings.id, conversations.listingId))
    .innerJoin(buyer, eq(buyer.id, conversations.buyerId))
    .innerJoin(seller, eq(seller.id, conversations.sellerId))
    .where(and(eq(conversations.id, conversationId), isParticipant(userId)));
  if (!conversation) return null;
  const thread = await db
    .select({ id: messages.id, senderId: messages.senderId, body: messages.body, createdAt: messages.createdAt })
    .from(messages)
    .where(eq(messages.conversationId, conversation.id))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return { ...conversation, role: conversation.buyerId === userId ? ("buyer" as const) : ("seller" as const), messages: thread };
}

export type ConversationThread = NonNullable<Awaited<ReturnType<typeof getConversationForParticipant>>>;

/**
 * Marks a conversation read up to its latest message for the side `userId` is on. Returns true
 * when there was something unread (false too when `userId` takes no part in it).
 */
export async function markConversationRead(conversationId: string, userId: string): Promise<boolean> {
  if (!isUuid(conversationId)) return false;
  const db = await getDb();
  const isBuyer = eq(conversations.buyerId, userId);
  const isSeller = eq(conversations.sellerId, userId);
  const updated = await db
    .update(conversations)
    .set({
      buyerLastReadAt: sql`case when ${isBuyer} then ${conversations.lastMessageAt} else ${conversations.buyerLastReadAt} end`,
      sellerLastReadAt: sql`case when ${isSeller} then ${conversations.lastMessageAt} else ${conversations.sellerLastReadAt} end`,
    })
    .where(
      and(
        eq(conversations.id, conversationId),
        or(
          and(isBuyer, gt(conversations.lastMessageAt, conversations.buyerLastReadAt)),
          and(isSeller, gt(conversations.lastMessageAt, conversations.sellerLastReadAt)),
        ),
      ),
    )
    .returning({ id: conversations.id });
  return updated.length > 0;
}

/** Who takes part in a conversation and what it is about, for notifications. */
export async function getConversationParties(conversationId: string) {
  if (!isUuid(conversationId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ buyerId: conversations.buyerId, sellerId: conversations.sellerId, buyerName: buyer.name, sellerName: seller.name, listingId: listings.id, listingTitle: listings.title })
    .from(conversations)
    .innerJoin(listings, eq(listings.id, conversations.listingId))
    .innerJoin(buyer, eq(buyer.id, conversations.buyerId))
    .innerJoin(seller, eq(seller.id, conversations.sellerId))
    .where(eq(conversations.id, conversationId));
  return row ?? null;
}
