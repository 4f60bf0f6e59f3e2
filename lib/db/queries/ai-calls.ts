import { and, asc, eq, getTableName, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, type Database, type Transaction } from "@/lib/db/client";
import { isUuid } from "@/lib/db/uuid";
import { aiCallRollups, aiCalls, evalCases, images, listings, user, type AiCall, type NewAiCall } from "@/lib/db/schema";
import { CALLS_COUNT_LIMIT, CALLS_PAGE_SIZE, type CallFilters } from "@/lib/db/call-filters";
import type { ImplicitFeedback } from "@/lib/db/json-columns";

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
 * listings.ai_call_id), inside the caller's transaction, and stores with the call when it was
 * published and what the seller did with the suggestion. Only the user who made the call and
 * sells the listing can link them. False when either is not theirs, or when the call was never
 * recorded (recording is best-effort), so the listing is published without the link.
 */
export async function linkAiCallToListing(
  tx: Transaction | Database,
  callId: string,
  userId: string,
  listingId: string,
  implicitFeedback: ImplicitFeedback,
): Promise<boolean> {
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
    .set({ listingId, publishedAt: new Date(), implicitFeedback })
    .where(and(eq(aiCalls.id, callId), eq(aiCalls.userId, userId)))
    .returning({ id: aiCalls.id });
  if (linked.length === 0) return false;
  await tx.update(listings).set({ aiCallId: callId }).where(eq(listings.id, listingId));
  return true;
}

// ---------------------------------------------------------------------------
// The console's reads: the call log, one call, seller feedback.

const suggestedTitle = sql<string | null>`${aiCalls.output} ->> 'title'`;
const suggestedCategory = sql<string | null>`${aiCalls.output} ->> 'category'`;
// Drizzle leaves column names unqualified in a single-table select, so inside a subquery the
// outer call's photo list is spelled out in full.
const outerImageIds = sql`${sql.identifier(getTableName(aiCalls))}.${sql.identifier(aiCalls.imageIds.name)}`;
const firstImageKey = sql<string | null>`(select ${images.storageKey} from ${images} where ${images.id} = ${outerImageIds}[1])`;

const DAY_MS = 24 * 60 * 60 * 1000;

// Spelled like the indexes (drizzle writes "desc nulls last" there, while a bare "desc" means
// nulls first), so the planner reads the newest rows straight off the index instead of sorting.
const newestFirst = (column: AnyPgColumn) => sql`${column} desc nulls last`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function callConditions(filters: CallFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(aiCalls.status, filters.status));
  if (filters.feature) conditions.push(eq(aiCalls.feature, filters.feature));
  if (filters.model) conditions.push(eq(aiCalls.modelId, filters.model));
  if (filters.prompt) {
    const [promptId, version] = filters.prompt.split("@");
    conditions.push(eq(aiCalls.promptId, promptId), eq(aiCalls.promptVersion, Number(version)));
  }
  if (filters.category) conditions.push(sql`${suggestedCategory} = ${filters.category}`);
  if (filters.feedback === "up") conditions.push(eq(aiCalls.feedbackRating, 1));
  if (filters.feedback === "down") conditions.push(eq(aiCalls.feedbackRating, -1));
  if (filters.feedback === "none") conditions.push(isNull(aiCalls.feedbackRating));
  if (filters.from) conditions.push(gte(aiCalls.createdAt, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(aiCalls.createdAt, new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS)));
  // The same expression as the trigram index on suggested titles, so the search can use it.
  if (filters.q) conditions.push(sql`(${aiCalls.output} ->> 'title') ilike ${`%${escapeLike(filters.q)}%`}`);
  if (filters.user) conditions.push(inArray(aiCalls.userId, sql`(select ${user.id} from ${user} where ${user.email} = ${filters.user})`));
  if (filters.synthetic === "only") conditions.push(eq(aiCalls.synthetic, true));
  else if (filters.synthetic !== "include") conditions.push(eq(aiCalls.synthetic, false));
  return conditions;
}

/** A page of the call log, newest first, and how many calls match (counted up to CALLS_COUNT_LIMIT + 1). */
export async function listAiCalls(filters: CallFilters) {
  const db = await getDb();
  const where = and(...callConditions(filters));
  const rows = await db
    .select({
      id: aiCalls.id,
      createdAt: aiCalls.createdAt,
      feature: aiCalls.feature,
      synthetic: aiCalls.synthetic,
      status: aiCalls.status,
      modelId: aiCalls.modelId,
      promptId: aiCalls.promptId,
      promptVersion: aiCalls.promptVersion,
      title: suggestedTitle,
      category: suggestedCategory,
      latencyMs: aiCalls.latencyMs,
      inputTokens: aiCalls.inputTokens,
      outputTokens: aiCalls.outputTokens,
      costUsd: aiCalls.costUsd,
      feedbackRating: aiCalls.feedbackRating,
      publishedAt: aiCalls.publishedAt,
      userEmail: user.email,
      imageKey: firstImageKey,
    })
    .from(aiCalls)
    .leftJoin(user, eq(user.id, aiCalls.userId))
    .where(where)
    .orderBy(newestFirst(aiCalls.createdAt))
    .limit(CALLS_PAGE_SIZE)
    .offset((filters.page - 1) * CALLS_PAGE_SIZE);
  const matching = db.select({ one: sql`1` }).from(aiCalls).where(where).limit(CALLS_COUNT_LIMIT + 1).as("matching");
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(matching);
  return { rows, total };
}

export type AiCallListRow = Awaited<ReturnType<typeof listAiCalls>>["rows"][number];

/** The models, prompt versions and features that appear in the log (the Calls page's filter choices). */
export async function getAiCallFilterOptions() {
  const db = await getDb();
  // Read from the hourly roll-ups (a few thousand rows) rather than the whole log.
  const [models, prompts, features] = await Promise.all([
    db.selectDistinct({ value: aiCallRollups.modelId }).from(aiCallRollups).orderBy(asc(aiCallRollups.modelId)),
    db
      .selectDistinct({ promptId: aiCallRollups.promptId, version: aiCallRollups.promptVersion })
      .from(aiCallRollups)
      .orderBy(asc(aiCallRollups.promptId), asc(aiCallRollups.promptVersion)),
    db.selectDistinct({ value: aiCallRollups.feature }).from(aiCallRollups).orderBy(asc(aiCallRollups.feature)),
  ]);
  return {
    models: models.map((row) => row.value),
    prompts: prompts.flatMap((row) => (row.promptId && row.version !== null ? [`${row.promptId}@${row.version}`] : [])),
    features: features.map((row) => row.value),
  };
}

/** One call for the console: the call, who made it, its photos, and the listing published from it. */
export async function getAiCallDetail(callId: string) {
  if (!isUuid(callId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ call: aiCalls, userName: user.name, userEmail: user.email })
    .from(aiCalls)
    .leftJoin(user, eq(user.id, aiCalls.userId))
    .where(eq(aiCalls.id, callId));
  if (!row) return null;
  const [photos, listing] = await Promise.all([
    row.call.imageIds.length > 0
      ? db.select({ id: images.id, storageKey: images.storageKey }).from(images).where(inArray(images.id, row.call.imageIds))
      : [],
    row.call.listingId ? db.select().from(listings).where(eq(listings.id, row.call.listingId)).then((rows) => rows[0] ?? null) : null,
  ]);
  const byId = new Map(photos.map((photo) => [photo.id, photo]));
  return {
    ...row,
    // In the order the model saw them; a photo removed by retention is left out.
    photos: row.call.imageIds.flatMap((id) => byId.get(id) ?? []),
    listing,
  };
}

export type AiCallDetail = NonNullable<Awaited<ReturnType<typeof getAiCallDetail>>>;

/** Seller ratings, newest first: thumbs down (with their reasons) or thumbs up. Synthetic calls' made-up thumbs are left out. */
export async function listSuggestionFeedback(rating: 1 | -1, page: number, pageSize = CALLS_PAGE_SIZE) {
  const db = await getDb();
  const where = and(eq(aiCalls.feedbackRating, rating), eq(aiCalls.synthetic, false));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        callId: aiCalls.id,
        feedbackAt: aiCalls.feedbackAt,
        reason: aiCalls.feedbackReason,
        modelId: aiCalls.modelId,
        promptId: aiCalls.promptId,
        promptVersion: aiCalls.promptVersion,
        title: suggestedTitle,
        publishedAt: aiCalls.publishedAt,
        userEmail: user.email,
        imageKey: firstImageKey,
      })
      .from(aiCalls)
      .leftJoin(user, eq(user.id, aiCalls.userId))
      .where(where)
      .orderBy(newestFirst(aiCalls.feedbackAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(aiCalls).where(where),
  ]);
  return { rows, total };
}

// ---------------------------------------------------------------------------
// Retention.

/** Deletes up to `limit` calls made before `cutoff`; returns how many went. */
export async function deleteAiCallsBefore(cutoff: Date, limit: number): Promise<number> {
  const db = await getDb();
  const oldest = db.select({ id: aiCalls.id }).from(aiCalls).where(lt(aiCalls.createdAt, cutoff)).limit(limit);
  const deleted = await db.delete(aiCalls).where(inArray(aiCalls.id, oldest)).returning({ id: aiCalls.id });
  return deleted.length;
}

/**
 * Deletes up to `limit` photos uploaded before `cutoff` that nothing needs any more: on no
 * listing, in no evaluation dataset, and sent with no remaining call. Returns their storage keys
 * so the caller can delete the files.
 */
export async function deleteUnusedImagesBefore(cutoff: Date, limit: number): Promise<string[]> {
  const db = await getDb();
  const outerImageId = sql`${sql.identifier(getTableName(images))}.${sql.identifier(images.id.name)}`;
  const unused = db
    .select({ id: images.id })
    .from(images)
    .where(
      and(
        isNull(images.listingId),
        lt(images.createdAt, cutoff),
        sql`not exists (select 1 from ${evalCases} where ${evalCases.imageId} = ${outerImageId})`,
        sql`not exists (select 1 from ${aiCalls} where ${aiCalls.imageIds} @> array[${outerImageId}])`,
      ),
    )
    .limit(limit);
  const deleted = await db.delete(images).where(inArray(images.id, unused)).returning({ storageKey: images.storageKey });
  return deleted.map((image) => image.storageKey);
}
