import { and, asc, desc, eq, gte, inArray, isNotNull, notExists, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/lib/db/client";
import { aiCalls, reviewItems, reviewQueueRules, type ReviewQueueRules } from "@/lib/db/schema";

// The review queue (lib/annotation/): its rules and how it fills from the call log. Claims,
// labels, reports and promotion to a dataset are in review-claims.ts, review-labels.ts,
// review-reports.ts and eval-dataset-promotion.ts.

// Rules

/** The queue's rules (one row, created with the column defaults on first read). */
export async function getQueueRules(): Promise<ReviewQueueRules> {
  const db = await getDb();
  await db.insert(reviewQueueRules).values({ id: 1 }).onConflictDoNothing();
  const [rules] = await db.select().from(reviewQueueRules).where(eq(reviewQueueRules.id, 1));
  return rules;
}

export type QueueRuleValues = Pick<ReviewQueueRules, "sampleShare" | "thumbsDown" | "heavyEditDistance" | "lowConfidence" | "errors" | "secondReviewShare"> &
  Partial<Pick<ReviewQueueRules, "includeSynthetic">>;

export async function updateQueueRules(values: QueueRuleValues, updatedBy: string | null): Promise<void> {
  const db = await getDb();
  await db
    .insert(reviewQueueRules)
    .values({ id: 1, ...values, updatedBy })
    .onConflictDoUpdate({ target: reviewQueueRules.id, set: { ...values, updatedBy, updatedAt: new Date() } });
}

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
    .where(
      and(
        eq(aiCalls.feature, feature),
        gte(aiCalls.createdAt, since),
        rules.includeSynthetic ? undefined : eq(aiCalls.synthetic, false),
        notQueued(db),
        notRetried(db),
        or(...matchers.map(({ when }) => when)),
      ),
    )
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
