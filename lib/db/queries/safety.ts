import { and, desc, eq, gt, gte, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Transaction } from "@/lib/db/client";
import { conversationBlocks, conversations, images, listings, moderationItems, reports, suspensions, user } from "@/lib/db/schema";
import type { ModerationItemKind, ReportReason } from "@/lib/db/safety-vocabulary";
import { isUuid } from "@/lib/db/uuid";

// Reports, suspensions and blocks: what people on the site do and see. The moderators' side (the
// queue, its actions, the audit log) is in moderation.ts.

// ---------------------------------------------------------------------------
// Suspensions

/** "A suspension of this user is in force": not lifted, and permanent or not yet over. */
export function suspensionInForce(userId: SQL | string): SQL {
  return sql`exists (
    select 1 from "suspensions"
    where "suspensions"."user_id" = ${userId}
      and "suspensions"."lifted_at" is null
      and ("suspensions"."ends_at" is null or "suspensions"."ends_at" > now())
  )`;
}

/** The suspension in force for a user (the longest, when several overlap), or null. */
export async function getActiveSuspension(userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: suspensions.id, reason: suspensions.reason, endsAt: suspensions.endsAt, createdAt: suspensions.createdAt })
    .from(suspensions)
    .where(and(eq(suspensions.userId, userId), isNull(suspensions.liftedAt), or(isNull(suspensions.endsAt), gt(suspensions.endsAt, sql`now()`))))
    .orderBy(sql`${suspensions.endsAt} desc nulls first`)
    .limit(1);
  return row ?? null;
}

export type ActiveSuspension = NonNullable<Awaited<ReturnType<typeof getActiveSuspension>>>;

// ---------------------------------------------------------------------------
// Reports

export type FileReportInput = {
  reporterId: string;
  kind: ModerationItemKind;
  /** The listing's id, or the conversation's. */
  targetId: string;
  reason: ReportReason;
  note: string;
};

export type FileReportResult = { ok: true; reportId: string } | { ok: false; reason: "not-found" | "own-listing" | "already-reported" };

/**
 * Files a person's report on a listing (anyone but its seller) or a conversation (only its
 * participants), opening the item in the moderation queue or reopening it if it was closed.
 */
export async function fileReport(input: FileReportInput): Promise<FileReportResult> {
  if (!isUuid(input.targetId)) return { ok: false, reason: "not-found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (input.kind === "listing") {
      const [listing] = await tx.select({ sellerId: listings.sellerId }).from(listings).where(eq(listings.id, input.targetId));
      if (!listing) return { ok: false, reason: "not-found" };
      if (listing.sellerId === input.reporterId) return { ok: false, reason: "own-listing" };
    } else {
      const [conversation] = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.id, input.targetId), or(eq(conversations.buyerId, input.reporterId), eq(conversations.sellerId, input.reporterId))));
      if (!conversation) return { ok: false, reason: "not-found" };
    }
    const itemId = await openModerationItem(tx, input.kind, input.targetId);
    const [report] = await tx
      .insert(reports)
      .values({ itemId, reporterId: input.reporterId, reason: input.reason, note: input.note })
      .onConflictDoNothing()
      .returning({ id: reports.id });
    if (!report) return { ok: false, reason: "already-reported" };
    return { ok: true, reportId: report.id };
  });
}

/** The item for a listing or conversation, created open or reopened; returns its id. */
async function openModerationItem(tx: Transaction, kind: ModerationItemKind, targetId: string): Promise<string> {
  const target = kind === "listing" ? moderationItems.listingId : moderationItems.conversationId;
  const [item] = await tx
    .insert(moderationItems)
    .values(kind === "listing" ? { kind, listingId: targetId } : { kind, conversationId: targetId })
    .onConflictDoUpdate({
      target,
      // A closed item comes back to the queue in the order of its new report.
      set: {
        openedAt: sql`case when ${moderationItems.status} = 'closed' then now() else ${moderationItems.openedAt} end`,
        claimedBy: sql`case when ${moderationItems.status} = 'closed' then null else ${moderationItems.claimedBy} end`,
        status: "open",
      },
    })
    .returning({ id: moderationItems.id });
  return item.id;
}

/**
 * Photo screening's reports: one for each photo of the listing whose explicit score is at least
 * `threshold` and that has not been flagged before. Returns how many were filed.
 */
export async function flagScreenedPhotos(listingId: string, threshold: number): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const flagged = await tx
      .select({ id: images.id, score: images.screeningScore })
      .from(images)
      .where(
        and(
          eq(images.listingId, listingId),
          gte(images.screeningScore, threshold),
          sql`not exists (select 1 from "reports" where "reports"."image_id" = ${images.id} and "reports"."reporter_id" is null)`,
        ),
      );
    if (flagged.length === 0) return 0;
    const itemId = await openModerationItem(tx, "listing", listingId);
    const filed = await tx
      .insert(reports)
      .values(flagged.map((photo) => ({ itemId, reporterId: null, imageId: photo.id, reason: "explicit_photo" as const, note: `Photo screening: explicit score ${photo.score!.toFixed(2)}` })))
      .onConflictDoNothing()
      .returning({ id: reports.id });
    return filed.length;
  });
}

/** Stores a photo's screening score; returns the listing it is on (null while unpublished). */
export async function setImageScreening(imageId: string, score: number): Promise<{ listingId: string | null } | null> {
  const db = await getDb();
  const [row] = await db.update(images).set({ screeningScore: score, screenedAt: sql`now()` }).where(eq(images.id, imageId)).returning({ listingId: images.listingId });
  return row ?? null;
}

const reportedListing = alias(listings, "reported_listing");

/** A person's own reports, newest first, with what was decided: their "we got it" and "here is what happened". */
export async function getReportsByReporter(reporterId: string, limit = 20) {
  const db = await getDb();
  return db
    .select({
      id: reports.id,
      kind: moderationItems.kind,
      listingId: moderationItems.listingId,
      listingTitle: reportedListing.title,
      conversationId: moderationItems.conversationId,
      reason: reports.reason,
      status: reports.status,
      decision: reports.decision,
      createdAt: reports.createdAt,
      resolvedAt: reports.resolvedAt,
    })
    .from(reports)
    .innerJoin(moderationItems, eq(moderationItems.id, reports.itemId))
    .leftJoin(conversations, eq(conversations.id, moderationItems.conversationId))
    .leftJoin(reportedListing, eq(reportedListing.id, sql`coalesce(${moderationItems.listingId}, ${conversations.listingId})`))
    .where(eq(reports.reporterId, reporterId))
    .orderBy(desc(reports.createdAt))
    .limit(limit);
}

export type OwnReport = Awaited<ReturnType<typeof getReportsByReporter>>[number];

/** The latest report `reporterId` made on a listing or conversation, or null. */
export async function getOwnLatestReport(reporterId: string, kind: ModerationItemKind, targetId: string) {
  if (!isUuid(targetId)) return null;
  const db = await getDb();
  const target = kind === "listing" ? moderationItems.listingId : moderationItems.conversationId;
  const [row] = await db
    .select({ id: reports.id, reason: reports.reason, status: reports.status, decision: reports.decision, createdAt: reports.createdAt })
    .from(reports)
    .innerJoin(moderationItems, eq(moderationItems.id, reports.itemId))
    .where(and(eq(target, targetId), eq(reports.reporterId, reporterId)))
    .orderBy(desc(reports.createdAt))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------
// Blocks

const blocker = alias(user, "blocker");

/** Who blocked whom in a conversation: `byMe` when `userId` did, `byOther` when the other side did. */
export async function getConversationBlock(conversationId: string, userId: string): Promise<{ byMe: boolean; byOther: boolean }> {
  if (!isUuid(conversationId)) return { byMe: false, byOther: false };
  const db = await getDb();
  const rows = await db
    .select({ blockerId: conversationBlocks.blockerId, name: blocker.name })
    .from(conversationBlocks)
    .innerJoin(blocker, eq(blocker.id, conversationBlocks.blockerId))
    .where(eq(conversationBlocks.conversationId, conversationId));
  return { byMe: rows.some((row) => row.blockerId === userId), byOther: rows.some((row) => row.blockerId !== userId) };
}

/** Blocks the other side of a conversation `userId` takes part in; false when it is not theirs. */
export async function blockConversation(conversationId: string, userId: string): Promise<boolean> {
  if (!isUuid(conversationId)) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), or(eq(conversations.buyerId, userId), eq(conversations.sellerId, userId))));
    if (!conversation) return false;
    await tx.insert(conversationBlocks).values({ conversationId, blockerId: userId }).onConflictDoNothing();
    return true;
  });
}

/** Lifts the block `userId` put on a conversation; false when there was none of theirs. */
export async function unblockConversation(conversationId: string, userId: string): Promise<boolean> {
  if (!isUuid(conversationId)) return false;
  const db = await getDb();
  const removed = await db
    .delete(conversationBlocks)
    .where(and(eq(conversationBlocks.conversationId, conversationId), eq(conversationBlocks.blockerId, userId)))
    .returning({ id: conversationBlocks.conversationId });
  return removed.length > 0;
}

/** "Nobody has blocked this conversation", for the statement that appends a message. */
export function conversationNotBlocked(conversationId: SQL | string): SQL {
  return sql`not exists (select 1 from "conversation_blocks" where "conversation_blocks"."conversation_id" = ${conversationId})`;
}
