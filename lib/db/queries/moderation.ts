import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Transaction } from "@/lib/db/client";
import { conversations, images, listings, messages, moderationItems, moderationLog, reports, suspensions, user } from "@/lib/db/schema";
import type { ModerationAction } from "@/lib/db/safety-vocabulary";
import { isUuid } from "@/lib/db/uuid";
import { getActiveSuspension } from "./safety";

// The moderators' side of trust and safety: the queue, what they decide, and the audit log.
// Every decision writes its log entry in the same transaction as the change itself, and no
// decision deletes anything: hiding, suspending and closing are all set back by another.

const claimer = alias(user, "claimer");
const seller = alias(user, "seller");

/** Open items, oldest first, with how many open reports each has and for which reasons. */
export async function listModerationQueue(limit = 100) {
  const db = await getDb();
  return db
    .select({
      id: moderationItems.id,
      kind: moderationItems.kind,
      listingId: moderationItems.listingId,
      conversationId: moderationItems.conversationId,
      title: sql<string>`coalesce(${listings.title}, (select "l"."title" from "listings" "l" join "conversations" "c" on "c"."listing_id" = "l"."id" where "c"."id" = ${moderationItems.conversationId}))`,
      hiddenAt: listings.hiddenAt,
      openedAt: moderationItems.openedAt,
      claimedBy: claimer.name,
      claimedById: moderationItems.claimedBy,
      reportCount: sql<number>`(select count(*) from "reports" where "reports"."item_id" = ${moderationItems.id} and "reports"."status" = 'open')::int`,
      reasons: sql<string[]>`(select coalesce(array_agg(distinct "reports"."reason"::text), '{}') from "reports" where "reports"."item_id" = ${moderationItems.id} and "reports"."status" = 'open')`,
    })
    .from(moderationItems)
    .leftJoin(listings, eq(listings.id, moderationItems.listingId))
    .leftJoin(claimer, eq(claimer.id, moderationItems.claimedBy))
    .where(eq(moderationItems.status, "open"))
    .orderBy(asc(moderationItems.openedAt), asc(moderationItems.id))
    .limit(limit);
}

export type QueueItem = Awaited<ReturnType<typeof listModerationQueue>>[number];

const reporter = alias(user, "reporter");
const buyer = alias(user, "buyer");

/** One item with everything a moderator decides on: the listing or conversation, every report, the people involved. */
export async function getModerationItem(itemId: string) {
  if (!isUuid(itemId)) return null;
  const db = await getDb();
  const [item] = await db
    .select({ item: moderationItems, claimedByName: claimer.name })
    .from(moderationItems)
    .leftJoin(claimer, eq(claimer.id, moderationItems.claimedBy))
    .where(eq(moderationItems.id, itemId));
  if (!item) return null;
  const itemReports = await db
    .select({
      id: reports.id,
      reporterName: reporter.name,
      reason: reports.reason,
      note: reports.note,
      imageId: reports.imageId,
      status: reports.status,
      decision: reports.decision,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .leftJoin(reporter, eq(reporter.id, reports.reporterId))
    .where(eq(reports.itemId, itemId))
    .orderBy(asc(reports.createdAt));

  const conversationId = item.item.conversationId;
  const [conversation] = conversationId
    ? await db
        .select({ id: conversations.id, listingId: conversations.listingId, buyerId: conversations.buyerId, buyerName: buyer.name })
        .from(conversations)
        .innerJoin(buyer, eq(buyer.id, conversations.buyerId))
        .where(eq(conversations.id, conversationId))
    : [];
  const listingId = item.item.listingId ?? conversation?.listingId ?? null;
  const [listing] = listingId
    ? await db
        .select({
          id: listings.id,
          title: listings.title,
          description: listings.description,
          category: listings.category,
          status: listings.status,
          hiddenAt: listings.hiddenAt,
          hiddenReason: listings.hiddenReason,
          sellerId: listings.sellerId,
          sellerName: seller.name,
        })
        .from(listings)
        .innerJoin(seller, eq(seller.id, listings.sellerId))
        .where(eq(listings.id, listingId))
    : [];
  const photos = listingId
    ? await db
        .select({ id: images.id, storageKey: images.storageKey, screeningScore: images.screeningScore })
        .from(images)
        .where(eq(images.listingId, listingId))
        .orderBy(asc(images.position))
    : [];
  const thread = conversationId
    ? await db
        .select({ id: messages.id, senderId: messages.senderId, body: messages.body, createdAt: messages.createdAt })
        .from(messages)
        .where(eq(messages.conversationId, conversationId))
        .orderBy(asc(messages.createdAt))
        .limit(200)
    : [];
  const people = [
    ...(listing ? [{ id: listing.sellerId, name: listing.sellerName, role: "seller" as const }] : []),
    ...(conversation ? [{ id: conversation.buyerId, name: conversation.buyerName, role: "buyer" as const }] : []),
  ];
  const withSuspensions = await Promise.all(people.map(async (person) => ({ ...person, suspension: await getActiveSuspension(person.id) })));
  return {
    ...item.item,
    claimedByName: item.claimedByName,
    reports: itemReports,
    listing: listing ? { ...listing, photos } : null,
    conversation: conversation ? { ...conversation, messages: thread } : null,
    people: withSuspensions,
  };
}

export type ModerationItemDetail = NonNullable<Awaited<ReturnType<typeof getModerationItem>>>;

type LogEntry = {
  moderatorId: string;
  action: ModerationAction;
  reason: string;
  itemId?: string | null;
  listingId?: string | null;
  targetUserId?: string | null;
  details?: Record<string, string | number | null>;
};

async function writeLog(tx: Transaction, entry: LogEntry) {
  await tx.insert(moderationLog).values(entry);
}

/** Closes an item and tells its open reports what was decided; returns the people who reported it. */
async function closeItem(tx: Transaction, itemId: string, decision: string): Promise<ReportersTold> {
  const resolved = await tx
    .update(reports)
    .set({ status: "resolved", decision, resolvedAt: sql`now()` })
    .where(and(eq(reports.itemId, itemId), eq(reports.status, "open")))
    .returning({ reporterId: reports.reporterId });
  await tx.update(moderationItems).set({ status: "closed" }).where(eq(moderationItems.id, itemId));
  // Photo screening's own reports have no reporter to tell.
  const reporterIds = [...new Set(resolved.flatMap((report) => (report.reporterId ? [report.reporterId] : [])))];
  return { reporterIds, decision };
}

/** Who reported an item a decision closed, and the decision they are to be told. */
export type ReportersTold = { reporterIds: string[]; decision: string };

export type ModerationResult = { ok: true; told?: ReportersTold } | { ok: false; reason: "not-found" | "closed" | "unchanged" };

async function inTransaction(work: (tx: Transaction) => Promise<ModerationResult>): Promise<ModerationResult> {
  const db = await getDb();
  return db.transaction(work);
}

/** Takes an open item for `moderatorId` (taking it over from anyone who had it). */
export async function claimModerationItem(moderatorId: string, itemId: string, reason: string): Promise<ModerationResult> {
  if (!isUuid(itemId)) return { ok: false, reason: "not-found" };
  return inTransaction(async (tx) => {
    const [claimed] = await tx
      .update(moderationItems)
      .set({ claimedBy: moderatorId, claimedAt: sql`now()` })
      .where(and(eq(moderationItems.id, itemId), eq(moderationItems.status, "open")))
      .returning({ listingId: moderationItems.listingId });
    if (!claimed) return { ok: false, reason: "not-found" };
    await writeLog(tx, { moderatorId, action: "claim", reason, itemId, listingId: claimed.listingId });
    return { ok: true };
  });
}

/** Closes an item with no action; its reporters are told nothing was found against the rules. */
export async function dismissModerationItem(moderatorId: string, itemId: string, reason: string, decision: string): Promise<ModerationResult> {
  if (!isUuid(itemId)) return { ok: false, reason: "not-found" };
  return inTransaction(async (tx) => {
    const [item] = await tx.select().from(moderationItems).where(eq(moderationItems.id, itemId)).for("update");
    if (!item) return { ok: false, reason: "not-found" };
    if (item.status === "closed") return { ok: false, reason: "closed" };
    const told = await closeItem(tx, itemId, decision);
    await writeLog(tx, { moderatorId, action: "dismiss", reason, itemId, listingId: item.listingId });
    return { ok: true, told };
  });
}

/** Hides a listing (and closes its item, if one is open); `publicReason` is what its seller is shown. */
export async function hideListing(
  moderatorId: string,
  input: { listingId: string; itemId: string | null; reason: string; publicReason: string; decision: string },
): Promise<ModerationResult> {
  if (!isUuid(input.listingId) || (input.itemId !== null && !isUuid(input.itemId))) return { ok: false, reason: "not-found" };
  return inTransaction(async (tx) => {
    const [hidden] = await tx
      .update(listings)
      .set({ hiddenAt: sql`now()`, hiddenReason: input.publicReason })
      .where(and(eq(listings.id, input.listingId), isNull(listings.hiddenAt)))
      .returning({ sellerId: listings.sellerId });
    if (!hidden) return { ok: false, reason: (await listingExists(tx, input.listingId)) ? "unchanged" : "not-found" };
    const itemId = input.itemId ?? (await itemForListing(tx, input.listingId));
    const told = itemId ? await closeItem(tx, itemId, input.decision) : undefined;
    await writeLog(tx, { moderatorId, action: "hide_listing", reason: input.reason, itemId, listingId: input.listingId, targetUserId: hidden.sellerId, details: { shownToSeller: input.publicReason } });
    return { ok: true, told };
  });
}

/** Puts a hidden listing back in search. */
export async function restoreListing(moderatorId: string, input: { listingId: string; reason: string }): Promise<ModerationResult> {
  if (!isUuid(input.listingId)) return { ok: false, reason: "not-found" };
  return inTransaction(async (tx) => {
    const [restored] = await tx
      .update(listings)
      .set({ hiddenAt: null, hiddenReason: null })
      .where(and(eq(listings.id, input.listingId), sql`${listings.hiddenAt} is not null`))
      .returning({ sellerId: listings.sellerId });
    if (!restored) return { ok: false, reason: (await listingExists(tx, input.listingId)) ? "unchanged" : "not-found" };
    await writeLog(tx, { moderatorId, action: "restore_listing", reason: input.reason, itemId: await itemForListing(tx, input.listingId), listingId: input.listingId, targetUserId: restored.sellerId });
    return { ok: true };
  });
}

/** Suspends a user until `endsAt` (null: permanently); closes the item it came from, if any. */
export async function suspendUser(
  moderatorId: string,
  input: { userId: string; itemId: string | null; endsAt: Date | null; reason: string; decision: string },
): Promise<ModerationResult> {
  if (input.itemId !== null && !isUuid(input.itemId)) return { ok: false, reason: "not-found" };
  return inTransaction(async (tx) => {
    const [target] = await tx.select({ id: user.id }).from(user).where(eq(user.id, input.userId));
    if (!target) return { ok: false, reason: "not-found" };
    await tx.insert(suspensions).values({ userId: input.userId, reason: input.reason, endsAt: input.endsAt, createdBy: moderatorId });
    let told: ReportersTold | undefined;
    if (input.itemId) {
      const [item] = await tx.select({ status: moderationItems.status }).from(moderationItems).where(eq(moderationItems.id, input.itemId));
      if (item?.status === "open") told = await closeItem(tx, input.itemId, input.decision);
    }
    await writeLog(tx, {
      moderatorId,
      action: "suspend_user",
      reason: input.reason,
      itemId: input.itemId,
      targetUserId: input.userId,
      details: { endsAt: input.endsAt ? input.endsAt.toISOString() : "permanent" },
    });
    return { ok: true, told };
  });
}

/** Lifts every suspension in force for a user (the rows stay, marked lifted). */
export async function liftSuspension(moderatorId: string, input: { userId: string; reason: string }): Promise<ModerationResult> {
  return inTransaction(async (tx) => {
    const lifted = await tx
      .update(suspensions)
      .set({ liftedAt: sql`now()`, liftedBy: moderatorId })
      .where(and(eq(suspensions.userId, input.userId), isNull(suspensions.liftedAt), sql`(${suspensions.endsAt} is null or ${suspensions.endsAt} > now())`))
      .returning({ id: suspensions.id });
    if (lifted.length === 0) return { ok: false, reason: "unchanged" };
    await writeLog(tx, { moderatorId, action: "lift_suspension", reason: input.reason, targetUserId: input.userId, details: { suspensions: lifted.length } });
    return { ok: true };
  });
}

async function listingExists(tx: Transaction, listingId: string): Promise<boolean> {
  const [row] = await tx.select({ id: listings.id }).from(listings).where(eq(listings.id, listingId));
  return Boolean(row);
}

async function itemForListing(tx: Transaction, listingId: string): Promise<string | null> {
  const [row] = await tx.select({ id: moderationItems.id }).from(moderationItems).where(eq(moderationItems.listingId, listingId));
  return row?.id ?? null;
}

const moderator = alias(user, "moderator");
const target = alias(user, "target");

/** The audit log, newest first: who did what, to which listing or user, when and why. */
export async function listModerationLog(limit = 200) {
  const db = await getDb();
  return db
    .select({
      id: moderationLog.id,
      action: moderationLog.action,
      reason: moderationLog.reason,
      details: moderationLog.details,
      createdAt: moderationLog.createdAt,
      moderatorName: moderator.name,
      itemId: moderationLog.itemId,
      listingId: moderationLog.listingId,
      listingTitle: listings.title,
      targetUserName: target.name,
    })
    .from(moderationLog)
    .leftJoin(moderator, eq(moderator.id, moderationLog.moderatorId))
    .leftJoin(listings, eq(listings.id, moderationLog.listingId))
    .leftJoin(target, eq(target.id, moderationLog.targetUserId))
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(limit);
}

export type LogRow = Awaited<ReturnType<typeof listModerationLog>>[number];

/** Names of users by id (the log and the queue show people, not ids). */
export async function getUserNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}
