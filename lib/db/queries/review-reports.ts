import { asc, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { aiCalls, images, listings, reviewItems, reviewLabels, user } from "@/lib/db/schema";
import { openFor, type ClaimOptions } from "./review-claims";

// What the review console reads (lib/annotation/): one item, the queue, progress and agreement.

/** Everything a reviewer sees about an item: the call, its photos, the seller, the published listing and the labels. */
export async function getReviewItemDetails(itemId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ item: reviewItems, call: aiCalls, sellerName: user.name, sellerEmail: user.email })
    .from(reviewItems)
    .innerJoin(aiCalls, eq(aiCalls.id, reviewItems.callId))
    .leftJoin(user, eq(user.id, aiCalls.userId))
    .where(eq(reviewItems.id, itemId));
  if (!row) return null;
  const [photos, listing, labels, claimant] = await Promise.all([
    row.call.imageIds.length > 0 ? db.select().from(images).where(inArray(images.id, row.call.imageIds)) : Promise.resolve([]),
    row.call.listingId ? db.select().from(listings).where(eq(listings.id, row.call.listingId)).then(([found]) => found ?? null) : Promise.resolve(null),
    db
      .select({ label: reviewLabels, reviewerName: user.name })
      .from(reviewLabels)
      .leftJoin(user, eq(user.id, reviewLabels.reviewerId))
      .where(eq(reviewLabels.itemId, itemId))
      .orderBy(asc(reviewLabels.createdAt)),
    row.item.claimedBy ? db.select({ name: user.name }).from(user).where(eq(user.id, row.item.claimedBy)).then(([found]) => found?.name ?? null) : Promise.resolve(null),
  ]);
  // The call's photos in the order the model saw them (rows of deleted photos are gone).
  const ordered = row.call.imageIds.flatMap((id) => photos.filter((photo) => photo.id === id));
  return { ...row, photos: ordered, listing, labels, claimantName: claimant };
}
export type ReviewItemDetails = NonNullable<Awaited<ReturnType<typeof getReviewItemDetails>>>;

/** An item and the status of its call (whether there was a suggestion to judge). */
export async function getReviewItemStatus(itemId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ item: reviewItems, callStatus: aiCalls.status })
    .from(reviewItems)
    .innerJoin(aiCalls, eq(aiCalls.id, reviewItems.callId))
    .where(eq(reviewItems.id, itemId));
  return row ?? null;
}

export async function getReviewLabel(labelId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ label: reviewLabels, item: reviewItems, call: aiCalls })
    .from(reviewLabels)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewLabels.itemId))
    .innerJoin(aiCalls, eq(aiCalls.id, reviewItems.callId))
    .where(eq(reviewLabels.id, labelId));
  return row ?? null;
}

/** Counts for the queue page: everything queued, still open, held right now, and open for this reviewer. */
export async function getQueueCounts(reviewerId: string, { now, leaseMs }: ClaimOptions) {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - leaseMs);
  const [totals] = await db
    .select({
      queued: count(),
      open: sql<number>`count(*) filter (where ${reviewItems.labelCount} < ${reviewItems.labelsWanted})`.mapWith(Number),
      held: sql<number>`count(*) filter (where ${reviewItems.claimedBy} is not null and ${reviewItems.claimedAt} >= ${cutoff.toISOString()}::timestamptz)`.mapWith(Number),
      wantingTwo: sql<number>`count(*) filter (where ${reviewItems.labelsWanted} > 1)`.mapWith(Number),
    })
    .from(reviewItems);
  const [forReviewer] = await db.select({ open: count() }).from(reviewItems).where(openFor(db, reviewerId, cutoff));
  return { ...totals, openForYou: forReviewer.open };
}

/** The newest items still waiting for a label, with who holds them. */
export async function listOpenReviewItems(limit: number) {
  const db = await getDb();
  return db
    .select({
      item: reviewItems,
      modelId: aiCalls.modelId,
      status: aiCalls.status,
      callCreatedAt: aiCalls.createdAt,
      suggestedTitle: sql<string | null>`${aiCalls.output}->>'title'`,
      sellerName: user.name,
      sellerEmail: user.email,
    })
    .from(reviewItems)
    .innerJoin(aiCalls, eq(aiCalls.id, reviewItems.callId))
    .leftJoin(user, eq(user.id, aiCalls.userId))
    .where(lt(reviewItems.labelCount, reviewItems.labelsWanted))
    .orderBy(desc(reviewItems.createdAt))
    .limit(limit);
}

/** The newest labels (by anyone), to revisit or promote. */
export async function listRecentLabels(limit: number) {
  const db = await getDb();
  return db
    .select({ label: reviewLabels, reviewerName: user.name, reason: reviewItems.reason })
    .from(reviewLabels)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewLabels.itemId))
    .leftJoin(user, eq(user.id, reviewLabels.reviewerId))
    .orderBy(desc(reviewLabels.createdAt))
    .limit(limit);
}

/** Labels per reviewer: in all, since `since` (e.g. today) and promoted into a dataset. */
export async function getReviewerProgress(since: Date) {
  const db = await getDb();
  return db
    .select({
      reviewerId: reviewLabels.reviewerId,
      name: user.name,
      labels: count(),
      recent: sql<number>`count(*) filter (where ${reviewLabels.createdAt} >= ${since.toISOString()}::timestamptz)`.mapWith(Number),
      promoted: sql<number>`count(*) filter (where ${reviewLabels.promotedTo} is not null)`.mapWith(Number),
    })
    .from(reviewLabels)
    .leftJoin(user, eq(user.id, reviewLabels.reviewerId))
    .groupBy(reviewLabels.reviewerId, user.name)
    .orderBy(desc(count()));
}

/** The labels of every item that two or more reviewers labelled, grouped by item. */
export async function listMultiplyLabelledItems() {
  const db = await getDb();
  const multiply = db
    .select({ itemId: reviewLabels.itemId })
    .from(reviewLabels)
    .groupBy(reviewLabels.itemId)
    .having(sql`count(*) >= 2`);
  const rows = await db
    .select({ itemId: reviewLabels.itemId, category: reviewLabels.category, verdicts: reviewLabels.verdicts })
    .from(reviewLabels)
    .where(inArray(reviewLabels.itemId, multiply))
    .orderBy(asc(reviewLabels.itemId), asc(reviewLabels.createdAt));
  const byItem = new Map<string, { category: string | null; verdicts: Record<string, string> }[]>();
  for (const { itemId, ...label } of rows) byItem.set(itemId, [...(byItem.get(itemId) ?? []), label]);
  return [...byItem.values()];
}
