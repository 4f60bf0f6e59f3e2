import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, notExists, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Database, type Transaction } from "@/lib/db/client";
import {
  aiCalls,
  evalCases,
  evalDatasets,
  evalDatasetVersions,
  images,
  listings,
  reviewItems,
  reviewLabels,
  reviewQueueRules,
  user,
  type ReviewItem,
  type ReviewQueueRules,
} from "@/lib/db/schema";

// The review queue (lib/annotation/): rules, filling, claims with a lease, labels, progress and
// the promotion of a label into an evaluation dataset.

// ---------------------------------------------------------------------------
// Rules

/** The queue's rules (one row, created with the column defaults on first read). */
export async function getQueueRules(): Promise<ReviewQueueRules> {
  const db = await getDb();
  await db.insert(reviewQueueRules).values({ id: 1 }).onConflictDoNothing();
  const [rules] = await db.select().from(reviewQueueRules).where(eq(reviewQueueRules.id, 1));
  return rules;
}

export type QueueRuleValues = Pick<ReviewQueueRules, "sampleShare" | "thumbsDown" | "heavyEditDistance" | "lowConfidence" | "errors" | "secondReviewShare">;

export async function updateQueueRules(values: QueueRuleValues, updatedBy: string | null): Promise<void> {
  const db = await getDb();
  await db
    .insert(reviewQueueRules)
    .values({ id: 1, ...values, updatedBy })
    .onConflictDoUpdate({ target: reviewQueueRules.id, set: { ...values, updatedBy, updatedAt: new Date() } });
}

// ---------------------------------------------------------------------------
// Filling

const notQueued = (db: Database) => notExists(db.select({ one: sql`1` }).from(reviewItems).where(eq(reviewItems.callId, aiCalls.id)));

const retries = alias(aiCalls, "retries");
/** A call its retry replaced (a transient error): the retry, what the seller saw, is the one to review. */
const notRetried = (db: Database) =>
  notExists(db.select({ one: sql`1` }).from(retries).where(sql`${retries.params}->>'retryOf' = ${aiCalls.id}::text`));

/**
 * A number in [0, 1) from the md5 of the call id (with a salt per use), so the random sample is
 * reproducible: the same call is always in or out at a given share, whichever process decides.
 * The first 7 hex digits (28 bits) fit a positive int.
 */
function callBucket(salt: string): SQL<number> {
  return sql<number>`(('x' || substr(md5(${salt}::text || ${aiCalls.id}::text), 1, 7))::bit(28)::int / 268435456.0)`;
}
export const SAMPLE_SALT = "sample:";
export const SECOND_REVIEW_SALT = "second-review:";

/** Published listings made from a call not yet queued whose title or description differ from the suggestion. */
/** Published calls of `feature` since `since`, not queued yet, whose title or description the seller moved at least `threshold`. */
export async function listHeavilyEditedCallIds(feature: string, since: Date, threshold: number, limit: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ callId: aiCalls.id })
    .from(aiCalls)
    .where(
      and(
        eq(aiCalls.feature, feature),
        gte(aiCalls.createdAt, since),
        isNotNull(aiCalls.implicitFeedback),
        notQueued(db),
        or(
          sql`(${aiCalls.implicitFeedback}->>'titleEditDistance')::float8 >= ${threshold}`,
          sql`(${aiCalls.implicitFeedback}->>'descriptionEditDistance')::float8 >= ${threshold}`,
        ),
      ),
    )
    .orderBy(desc(aiCalls.createdAt))
    .limit(limit);
  return rows.map((row) => row.callId);
}

export type EnqueueInput = {
  feature: string;
  since: Date;
  rules: QueueRuleValues;
  /** Calls the heavy-edit rule picked (lib/annotation/heavy-edits.ts). */
  heavyEditCallIds: string[];
  limit: number;
};

/**
 * Queues every call of `feature` since `since` that a rule picks and that is not queued yet. The
 * reason lists every rule that matched; a call enters once (review_items.call_id is unique).
 * Returns how many calls entered.
 */
export async function enqueueMatchingCalls({ feature, since, rules, heavyEditCallIds, limit }: EnqueueInput): Promise<number> {
  const matchers: { reason: string; when: SQL }[] = [];
  if (rules.thumbsDown) matchers.push({ reason: "thumbs-down", when: sql`${aiCalls.feedbackRating} = -1` });
  if (rules.errors) matchers.push({ reason: "error", when: inArray(aiCalls.status, ["error", "invalid"]) });
  if (rules.lowConfidence) {
    // Lax jsonpath: an answer without a confidence object (an invalid one) simply does not match.
    matchers.push({ reason: "low-confidence", when: sql`jsonb_path_exists(${aiCalls.output}, ${'$.confidence.* ? (@ == "low")'}::jsonpath)` });
  }
  if (heavyEditCallIds.length > 0) matchers.push({ reason: "heavy-edit", when: inArray(aiCalls.id, heavyEditCallIds) });
  if (rules.sampleShare > 0) matchers.push({ reason: "sample", when: sql`${callBucket(SAMPLE_SALT)} < ${rules.sampleShare}` });
  if (matchers.length === 0) return 0;

  const db = await getDb();
  const reasons = sql.join(
    matchers.map(({ reason, when }) => sql`case when ${when} then ${reason}::text end`),
    sql`, `,
  );
  const candidates = await db
    .select({
      callId: aiCalls.id,
      reason: sql<string>`concat_ws(', ', ${reasons})`,
      labelsWanted: sql<number>`case when ${callBucket(SECOND_REVIEW_SALT)} < ${rules.secondReviewShare} then 2 else 1 end`,
    })
    .from(aiCalls)
    .where(and(eq(aiCalls.feature, feature), gte(aiCalls.createdAt, since), notQueued(db), notRetried(db), or(...matchers.map(({ when }) => when))))
    .orderBy(asc(aiCalls.createdAt))
    .limit(limit);
  if (candidates.length === 0) return 0;
  const inserted = await db
    .insert(reviewItems)
    .values(candidates.map((candidate) => ({ ...candidate, labelsWanted: Number(candidate.labelsWanted) })))
    .onConflictDoNothing({ target: reviewItems.callId })
    .returning({ id: reviewItems.id });
  return inserted.length;
}

// ---------------------------------------------------------------------------
// Claims: a reviewer holds at most one item, for a lease; an expired lease frees the item.

/** Open for `reviewerId`: wants more labels, has none of theirs, and nobody else holds a live claim. */
function openFor(tx: Transaction | Database, reviewerId: string, leaseCutoff: Date): SQL {
  return and(
    lt(reviewItems.labelCount, reviewItems.labelsWanted),
    or(isNull(reviewItems.claimedBy), eq(reviewItems.claimedBy, reviewerId), lt(reviewItems.claimedAt, leaseCutoff)),
    notExists(
      tx
        .select({ one: sql`1` })
        .from(reviewLabels)
        .where(and(eq(reviewLabels.itemId, reviewItems.id), eq(reviewLabels.reviewerId, reviewerId))),
    ),
  )!;
}

export type ClaimOptions = { now: Date; leaseMs: number };

async function takeClaim(tx: Transaction, itemId: string, reviewerId: string, now: Date): Promise<ReviewItem> {
  // One item at a time: taking a new one lets go of any other.
  await tx
    .update(reviewItems)
    .set({ claimedBy: null, claimedAt: null })
    .where(and(eq(reviewItems.claimedBy, reviewerId), ne(reviewItems.id, itemId)));
  const [claimed] = await tx.update(reviewItems).set({ claimedBy: reviewerId, claimedAt: now }).where(eq(reviewItems.id, itemId)).returning();
  return claimed;
}

/**
 * Claims the next item for a reviewer: their own live claim first, then the oldest open item.
 * SKIP LOCKED lets concurrent reviewers pass over a row another transaction is claiming, so two
 * reviewers never get the same item.
 */
export async function claimNextReviewItem(reviewerId: string, { now, leaseMs }: ClaimOptions, skipItemId?: string): Promise<ReviewItem | null> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - leaseMs);
  return db.transaction(async (tx) => {
    const [candidate] = await tx
      .select({ id: reviewItems.id })
      .from(reviewItems)
      .where(and(openFor(tx, reviewerId, cutoff), skipItemId ? ne(reviewItems.id, skipItemId) : undefined))
      .orderBy(sql`(${reviewItems.claimedBy} is not distinct from ${reviewerId}) desc`, asc(reviewItems.createdAt), asc(reviewItems.id))
      .limit(1)
      .for("update", { skipLocked: true });
    return candidate ? takeClaim(tx, candidate.id, reviewerId, now) : null;
  });
}

export type ClaimItemResult =
  | { ok: true; item: ReviewItem }
  | { ok: false; reason: "missing" | "labelled" | "complete" }
  | { ok: false; reason: "taken"; claimedBy: string | null; claimedAt: Date | null };

/** Claims one chosen item, unless someone else holds a live claim on it or it needs no more labels. */
export async function claimReviewItem(itemId: string, reviewerId: string, { now, leaseMs }: ClaimOptions): Promise<ClaimItemResult> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - leaseMs);
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(reviewItems).where(eq(reviewItems.id, itemId)).for("update");
    if (!item) return { ok: false, reason: "missing" } as const;
    const [mine] = await tx
      .select({ id: reviewLabels.id })
      .from(reviewLabels)
      .where(and(eq(reviewLabels.itemId, itemId), eq(reviewLabels.reviewerId, reviewerId)));
    if (mine) return { ok: false, reason: "labelled" } as const;
    if (item.labelCount >= item.labelsWanted) return { ok: false, reason: "complete" } as const;
    if (item.claimedBy && item.claimedBy !== reviewerId && item.claimedAt && item.claimedAt >= cutoff) {
      return { ok: false, reason: "taken", claimedBy: item.claimedBy, claimedAt: item.claimedAt } as const;
    }
    return { ok: true, item: await takeClaim(tx, itemId, reviewerId, now) } as const;
  });
}

/** Lets go of a claim (skip); nothing happens unless `reviewerId` holds it. */
export async function releaseReviewItem(itemId: string, reviewerId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(reviewItems)
    .set({ claimedBy: null, claimedAt: null })
    .where(and(eq(reviewItems.id, itemId), eq(reviewItems.claimedBy, reviewerId)));
}

// ---------------------------------------------------------------------------
// Labels

export type NewReviewLabel = {
  category: (typeof reviewLabels.$inferInsert)["category"];
  title: string;
  priceMinCents: number;
  priceMaxCents: number;
  verdicts: (typeof reviewLabels.$inferInsert)["verdicts"];
  comment: string;
};

export type SaveLabelResult = "saved" | "updated" | "missing" | "not-claimed" | "complete";

/**
 * Saves a reviewer's label. A first label needs the reviewer's claim (which it then releases);
 * a reviewer may correct their own label at any time.
 */
export async function saveReviewLabel(itemId: string, reviewerId: string, label: NewReviewLabel): Promise<SaveLabelResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(reviewItems).where(eq(reviewItems.id, itemId)).for("update");
    if (!item) return "missing";
    const updated = await tx
      .update(reviewLabels)
      .set(label)
      .where(and(eq(reviewLabels.itemId, itemId), eq(reviewLabels.reviewerId, reviewerId)))
      .returning({ id: reviewLabels.id });
    if (updated.length > 0) return "updated";
    // A lapsed lease still counts while nobody else has taken the item over.
    if (item.claimedBy !== reviewerId) return "not-claimed";
    if (item.labelCount >= item.labelsWanted) return "complete";
    await tx.insert(reviewLabels).values({ ...label, itemId, reviewerId });
    await tx
      .update(reviewItems)
      .set({ labelCount: sql`${reviewItems.labelCount} + 1`, claimedBy: null, claimedAt: null })
      .where(eq(reviewItems.id, itemId));
    return "saved";
  });
}

// ---------------------------------------------------------------------------
// Reading: one item, the queue, progress and agreement

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

// ---------------------------------------------------------------------------
// Promotion into an evaluation dataset

/** The case of the dataset's newest version that holds an image with these bytes, if any. */
export async function findDatasetCaseByImage(datasetName: string, imageSha256: string) {
  const db = await getDb();
  const [latest] = await db
    .select({ id: evalDatasetVersions.id, version: evalDatasetVersions.version })
    .from(evalDatasetVersions)
    .innerJoin(evalDatasets, eq(evalDatasets.id, evalDatasetVersions.datasetId))
    .where(eq(evalDatasets.name, datasetName))
    .orderBy(desc(evalDatasetVersions.version))
    .limit(1);
  if (!latest) return null;
  const [found] = await db
    .select({ caseId: evalCases.caseId })
    .from(evalCases)
    .where(and(eq(evalCases.datasetVersionId, latest.id), eq(evalCases.imageSha256, imageSha256)))
    .limit(1);
  return found ? { caseId: found.caseId, version: latest.version } : null;
}

export type PromotedCase = { caseId: string; imageId: string; imageSha256: string; data: Record<string, unknown> };
export type PromoteResult =
  | { ok: true; version: number; caseCount: number }
  | { ok: false; reason: "duplicate-image" | "duplicate-id"; caseId: string; version: number };

/**
 * Adds a case to a dataset as a new version (the previous version's cases plus this one), in one
 * transaction with the dataset row locked, so two promotions at once cannot lose each other's
 * case; refuses an image the dataset already holds. Records the promotion on the label.
 */
export async function insertPromotedCase(input: {
  labelId: string;
  datasetName: string;
  newCase: PromotedCase;
  note: string;
  contentHash: (cases: PromotedCase[]) => string;
}): Promise<PromoteResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.insert(evalDatasets).values({ name: input.datasetName }).onConflictDoNothing({ target: evalDatasets.name });
    const [dataset] = await tx.select().from(evalDatasets).where(eq(evalDatasets.name, input.datasetName)).for("update");
    const [latest] = await tx
      .select()
      .from(evalDatasetVersions)
      .where(eq(evalDatasetVersions.datasetId, dataset.id))
      .orderBy(desc(evalDatasetVersions.version))
      .limit(1);
    const previous = latest
      ? await tx.select().from(evalCases).where(eq(evalCases.datasetVersionId, latest.id)).orderBy(asc(evalCases.position))
      : [];
    const version = latest?.version ?? 0;
    const sameImage = previous.find((existing) => existing.imageSha256 === input.newCase.imageSha256);
    if (sameImage) return { ok: false, reason: "duplicate-image", caseId: sameImage.caseId, version } as const;
    const sameId = previous.find((existing) => existing.caseId === input.newCase.caseId);
    if (sameId) return { ok: false, reason: "duplicate-id", caseId: sameId.caseId, version } as const;

    const cases: PromotedCase[] = [
      ...previous.map((existing) => ({ caseId: existing.caseId, imageId: existing.imageId, imageSha256: existing.imageSha256, data: existing.data as Record<string, unknown> })),
      input.newCase,
    ];
    const [inserted] = await tx
      .insert(evalDatasetVersions)
      .values({ datasetId: dataset.id, version: version + 1, contentHash: input.contentHash(cases), caseCount: cases.length, note: input.note })
      .returning();
    await tx.insert(evalCases).values(cases.map((evalCase, position) => ({ ...evalCase, datasetVersionId: inserted.id, position })));
    await tx
      .update(reviewLabels)
      .set({ promotedTo: `${input.datasetName}@${inserted.version}` })
      .where(eq(reviewLabels.id, input.labelId));
    return { ok: true, version: inserted.version, caseCount: cases.length } as const;
  });
}
