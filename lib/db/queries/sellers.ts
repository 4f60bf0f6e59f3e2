import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db/client";
import { conversations, FOR_SALE_CONDITION, listings, messages, offers, reviews, user } from "@/lib/db/schema";
import { isUuid } from "@/lib/db/uuid";
import { listingCardColumns, VISIBLE_CONDITION } from "./listings";

/**
 * The seller's median reply time, in seconds: per conversation, from the buyer's first message to
 * the seller's first message after it; conversations still waiting for a reply are left out
 * (and counted, so the page can say how many).
 */
async function getReplyTimes(sellerId: string) {
  const db = await getDb();
  const result = (await db.execute(sql`
    with firsts as (
      select c.id,
        (select min(m.created_at) from ${messages} m where m.conversation_id = c.id and m.sender_id = c.buyer_id) as asked_at,
        c.seller_id
      from ${conversations} c
      where c.seller_id = ${sellerId}
    ), replies as (
      select f.id, f.asked_at,
        (select min(m.created_at) from ${messages} m where m.conversation_id = f.id and m.sender_id = f.seller_id and m.created_at >= f.asked_at) as replied_at
      from firsts f
      where f.asked_at is not null
    )
    select
      percentile_cont(0.5) within group (order by extract(epoch from replied_at - asked_at)) filter (where replied_at is not null) as median_seconds,
      count(*) filter (where replied_at is not null)::int as answered,
      count(*) filter (where replied_at is null)::int as waiting
    from replies
  `)) as unknown as { rows: { median_seconds: number | string | null; answered: number; waiting: number }[] };
  const row = result.rows[0];
  return { medianSeconds: row?.median_seconds === null || row?.median_seconds === undefined ? null : Number(row.median_seconds), answered: Number(row?.answered ?? 0), waiting: Number(row?.waiting ?? 0) };
}

const reviewer = alias(user, "reviewer");

/** A seller's public profile: name, member since, listings for sale, sold count, reply time, reviews. Null for an unknown id. */
export async function getSellerProfile(sellerId: string) {
  const db = await getDb();
  const [seller] = await db.select({ id: user.id, name: user.name, createdAt: user.createdAt, place: user.defaultPlace }).from(user).where(eq(user.id, sellerId));
  if (!seller) return null;
  const [forSale, [{ sold }], replyTimes, sellerReviews] = await Promise.all([
    db
      .select(listingCardColumns)
      .from(listings)
      // Hidden by a moderator, or the seller suspended: not on the profile either.
      .where(and(eq(listings.sellerId, sellerId), FOR_SALE_CONDITION, VISIBLE_CONDITION))
      .orderBy(desc(listings.createdAt))
      .limit(48),
    db.select({ sold: count() }).from(listings).where(and(eq(listings.sellerId, sellerId), eq(listings.status, "sold"))),
    getReplyTimes(sellerId),
    db
      .select({ id: reviews.id, rating: reviews.rating, body: reviews.body, listingTitle: reviews.listingTitle, buyerName: reviewer.name, createdAt: reviews.createdAt })
      .from(reviews)
      .innerJoin(reviewer, eq(reviewer.id, reviews.buyerId))
      .where(eq(reviews.sellerId, sellerId))
      .orderBy(desc(reviews.createdAt)),
  ]);
  return { ...seller, forSale, soldCount: sold, replyTimes, reviews: sellerReviews };
}

export type SellerProfile = NonNullable<Awaited<ReturnType<typeof getSellerProfile>>>;

/** The people who wrote to the seller about a listing (whom it may be marked sold to), first contact first. */
export async function getListingBuyers(sellerId: string, listingId: string) {
  if (!isUuid(listingId)) return [];
  const db = await getDb();
  return db
    .select({ id: user.id, name: user.name })
    .from(conversations)
    .innerJoin(user, eq(user.id, conversations.buyerId))
    .where(and(eq(conversations.listingId, listingId), eq(conversations.sellerId, sellerId)))
    .orderBy(asc(conversations.createdAt));
}

/** getListingBuyers for every listing of a seller at once (the "My listings" page). */
export async function getBuyersByListing(sellerId: string): Promise<Map<string, { id: string; name: string }[]>> {
  const db = await getDb();
  const rows = await db
    .select({ listingId: conversations.listingId, id: user.id, name: user.name })
    .from(conversations)
    .innerJoin(user, eq(user.id, conversations.buyerId))
    .where(eq(conversations.sellerId, sellerId))
    .orderBy(asc(conversations.createdAt));
  const byListing = new Map<string, { id: string; name: string }[]>();
  for (const row of rows) {
    const buyers = byListing.get(row.listingId) ?? [];
    buyers.push({ id: row.id, name: row.name });
    byListing.set(row.listingId, buyers);
  }
  return byListing;
}

export type ReviewRefusal = "not-found" | "not-your-purchase" | "no-conversation" | "already-reviewed";

/**
 * Whether `buyerId` may review the seller for a listing: the seller marked it sold to them, and
 * both of them wrote in their conversation about it (messages or offers).
 */
export async function getReviewEligibility(buyerId: string, listingId: string): Promise<{ ok: true; sellerId: string; title: string } | { ok: false; reason: ReviewRefusal }> {
  if (!isUuid(listingId)) return { ok: false, reason: "not-found" };
  const db = await getDb();
  const [listing] = await db
    .select({ sellerId: listings.sellerId, title: listings.title, status: listings.status, soldToId: listings.soldToId })
    .from(listings)
    .where(eq(listings.id, listingId));
  if (!listing) return { ok: false, reason: "not-found" };
  if (listing.status !== "sold" || listing.soldToId !== buyerId) return { ok: false, reason: "not-your-purchase" };
  // Written out in SQL: in a one-table select Drizzle leaves column names unqualified, and the
  // subquery's "id" would then be its own.
  const counted = (await db.execute(sql`
    select count(distinct written.sender)::int as sides
    from ${conversations} c
    cross join lateral (
      select m.sender_id as sender from ${messages} m where m.conversation_id = c.id
      union all
      select o.from_user_id from ${offers} o where o.conversation_id = c.id
    ) as written
    where c.listing_id = ${listingId} and c.buyer_id = ${buyerId}
  `)) as unknown as { rows: { sides: number }[] };
  const sides = Number(counted.rows[0]?.sides ?? 0);
  if (sides < 2) return { ok: false, reason: "no-conversation" };
  const [existing] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.listingId, listingId));
  if (existing) return { ok: false, reason: "already-reviewed" };
  return { ok: true, sellerId: listing.sellerId, title: listing.title };
}

/** Stores a review after getReviewEligibility; the unique listing id keeps it to one even when two requests race. */
export async function createReview(buyerId: string, listingId: string, rating: number, body: string): Promise<{ ok: true; sellerId: string; title: string } | { ok: false; reason: ReviewRefusal }> {
  const eligible = await getReviewEligibility(buyerId, listingId);
  if (!eligible.ok) return eligible;
  const db = await getDb();
  const inserted = await db
    .insert(reviews)
    .values({ listingId, listingTitle: eligible.title, sellerId: eligible.sellerId, buyerId, rating, body })
    .onConflictDoNothing()
    .returning({ id: reviews.id });
  return inserted.length > 0 ? eligible : { ok: false, reason: "already-reviewed" };
}
