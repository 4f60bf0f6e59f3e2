import { and, desc, eq, gt, gte, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "@/lib/db/client";
import { aiCalls, rolloutChanges, rolloutExperiments, rolloutExposures, rolloutVariants, user, type RolloutExperiment, type RolloutVariant } from "@/lib/db/schema";
import type { GuardRailLimits } from "@/lib/db/json-columns";

export type ExperimentWithVariants = RolloutExperiment & { variants: RolloutVariant[] };

async function withVariants(db: Database | Transaction, experiment: RolloutExperiment | undefined): Promise<ExperimentWithVariants | null> {
  if (!experiment) return null;
  const variants = await db.select().from(rolloutVariants).where(eq(rolloutVariants.experimentId, experiment.id)).orderBy(rolloutVariants.key);
  return { ...experiment, variants };
}

/** The experiment running or paused on a feature, if any (there is at most one). */
export async function getActiveExperiment(feature: string): Promise<ExperimentWithVariants | null> {
  const db = await getDb();
  const [experiment] = await db
    .select()
    .from(rolloutExperiments)
    .where(and(eq(rolloutExperiments.feature, feature), ne(rolloutExperiments.status, "stopped")));
  return withVariants(db, experiment);
}

export async function getExperimentById(id: string): Promise<ExperimentWithVariants | null> {
  const db = await getDb();
  const [experiment] = await db.select().from(rolloutExperiments).where(eq(rolloutExperiments.id, id));
  return withVariants(db, experiment);
}

export async function listExperiments() {
  const db = await getDb();
  const experiments = await db.select().from(rolloutExperiments).orderBy(desc(rolloutExperiments.createdAt)).limit(100);
  const variants = experiments.length
    ? await db.select().from(rolloutVariants).where(inArray(rolloutVariants.experimentId, experiments.map((experiment) => experiment.id)))
    : [];
  return experiments.map((experiment) => ({ ...experiment, variants: variants.filter((variant) => variant.experimentId === experiment.id) }));
}

export type NewVariant = { key: string; promptId: string; promptVersion: number; modelId: string | null; temperature: number | null; share: number };

/** Starts an experiment; fails with null when another one is already active on the feature. */
export async function insertExperiment(input: {
  name: string;
  feature: string;
  seed: string;
  holdoutShare: number;
  guardRails: GuardRailLimits;
  variants: NewVariant[];
  createdBy: string;
  detail: string;
}): Promise<string | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [experiment] = await tx
      .insert(rolloutExperiments)
      .values({ name: input.name, feature: input.feature, seed: input.seed, holdoutShare: input.holdoutShare, guardRails: input.guardRails, createdBy: input.createdBy })
      .onConflictDoNothing()
      .returning();
    if (!experiment) return null;
    await tx.insert(rolloutVariants).values(
      input.variants.map((variant) => ({
        experimentId: experiment.id,
        key: variant.key,
        promptId: variant.promptId,
        promptVersion: variant.promptVersion,
        modelId: variant.modelId,
        params: variant.temperature === null ? {} : { temperature: variant.temperature },
        share: variant.share,
      })),
    );
    await tx.insert(rolloutChanges).values({ experimentId: experiment.id, action: "started", detail: input.detail, changedBy: input.createdBy });
    return experiment.id;
  });
}

/** Sets the holdout and candidates' shares. A candidate cut by a guard rail comes back only when given a share again. */
export async function updateShares(experimentId: string, holdoutShare: number, shares: Record<string, number>, changedBy: string, detail: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(rolloutExperiments).set({ holdoutShare }).where(eq(rolloutExperiments.id, experimentId));
    for (const [key, share] of Object.entries(shares)) {
      const [current] = await tx
        .select()
        .from(rolloutVariants)
        .where(and(eq(rolloutVariants.experimentId, experimentId), eq(rolloutVariants.key, key)));
      if (!current || current.share === share) continue;
      await tx
        .update(rolloutVariants)
        // cutAt stays: the guard rail then judges only calls made after the cut.
        .set({ share, ...(share > 0 ? { cutReason: null } : {}) })
        .where(eq(rolloutVariants.id, current.id));
    }
    await tx.insert(rolloutChanges).values({ experimentId, action: "shares", detail, changedBy });
  });
}

export async function setExperimentStatus(experimentId: string, status: RolloutExperiment["status"], changedBy: string, detail: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(rolloutExperiments)
      .set({ status, ...(status === "stopped" ? { stoppedAt: new Date() } : {}) })
      .where(eq(rolloutExperiments.id, experimentId));
    await tx.insert(rolloutChanges).values({ experimentId, action: status === "running" ? "resumed" : status, detail, changedBy });
  });
}

/** A guard rail sends a candidate's traffic back to control; true when this call made the cut. */
export async function cutCandidate(experimentId: string, key: string, reason: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const cut = await tx
      .update(rolloutVariants)
      .set({ share: 0, cutReason: reason, cutAt: new Date() })
      .where(and(eq(rolloutVariants.experimentId, experimentId), eq(rolloutVariants.key, key), isNull(rolloutVariants.cutReason), gt(rolloutVariants.share, 0)))
      .returning({ id: rolloutVariants.id });
    if (cut.length === 0) return false;
    await tx.insert(rolloutChanges).values({ experimentId, action: "guard rail", detail: `Variant ${key} returned to control: ${reason}`, changedBy: null });
    return true;
  });
}

export async function getExperimentChanges(experimentId: string) {
  const db = await getDb();
  return db
    .select({ change: rolloutChanges, changedByName: user.name })
    .from(rolloutChanges)
    .leftJoin(user, eq(user.id, rolloutChanges.changedBy))
    .where(eq(rolloutChanges.experimentId, experimentId))
    .orderBy(desc(rolloutChanges.changedAt));
}

export async function insertExposure(values: { experimentId: string; variantKey: string; userId: string; callId: string | null }) {
  const db = await getDb();
  await db.insert(rolloutExposures).values(values);
}

/**
 * A seller published: the pre-fill request that led to it is the one whose call they used or,
 * failing that, their latest one within a day that has no listing yet (the holdout has no call).
 */
export async function linkExposureToListing(tx: Transaction | Database, userId: string, callId: string | null, listingId: string) {
  const since = new Date(Date.now() - 24 * 3600 * 1000);
  const [exposure] = await tx
    .select({ id: rolloutExposures.id })
    .from(rolloutExposures)
    .where(and(eq(rolloutExposures.userId, userId), isNull(rolloutExposures.listingId), gte(rolloutExposures.createdAt, since)))
    .orderBy(callId ? sql`(${rolloutExposures.callId} = ${callId}) desc nulls last` : sql`1`, desc(rolloutExposures.createdAt))
    .limit(1);
  if (!exposure) return;
  await tx.update(rolloutExposures).set({ listingId, publishedAt: new Date() }).where(eq(rolloutExposures.id, exposure.id));
}

/** A candidate's most recent calls on its own model, newest first (what the guard rail judges). */
export async function getRecentVariantCalls(variantKey: string, modelId: string, limit: number, after: Date | null) {
  const db = await getDb();
  return db
    .select({ status: aiCalls.status, latencyMs: aiCalls.latencyMs })
    .from(aiCalls)
    .where(and(eq(aiCalls.variantKey, variantKey), eq(aiCalls.modelId, modelId), after ? gt(aiCalls.createdAt, after) : undefined))
    .orderBy(desc(aiCalls.createdAt))
    .limit(limit);
}

/** Every pre-fill request of an experiment with its call and what followed (rollout results). */
export async function getExposureRows(experimentId: string) {
  const db = await getDb();
  return db
    .select({
      variantKey: rolloutExposures.variantKey,
      userId: rolloutExposures.userId,
      createdAt: rolloutExposures.createdAt,
      listingId: rolloutExposures.listingId,
      status: aiCalls.status,
      latencyMs: aiCalls.latencyMs,
      costUsd: aiCalls.costUsd,
      feedbackRating: aiCalls.feedbackRating,
      implicitFeedback: aiCalls.implicitFeedback,
    })
    .from(rolloutExposures)
    .leftJoin(aiCalls, eq(aiCalls.id, rolloutExposures.callId))
    .where(eq(rolloutExposures.experimentId, experimentId));
}
