import { asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { evalDatasets, evalDatasetVersions, evalRunCases, evalRuns, playgroundDrafts, user } from "@/lib/db/schema";

export async function insertEvalRun(values: typeof evalRuns.$inferInsert) {
  const db = await getDb();
  const [run] = await db.insert(evalRuns).values(values).returning();
  return run;
}

export async function insertEvalRunCase(values: typeof evalRunCases.$inferInsert) {
  const db = await getDb();
  await db.insert(evalRunCases).values(values);
}

export async function finishEvalRun(runId: string, metrics: unknown) {
  const db = await getDb();
  await db.update(evalRuns).set({ status: "done", metrics, finishedAt: new Date() }).where(eq(evalRuns.id, runId));
}

export async function failEvalRun(runId: string, error: string) {
  const db = await getDb();
  await db.update(evalRuns).set({ status: "failed", error, finishedAt: new Date() }).where(eq(evalRuns.id, runId));
}

const runColumns = {
  run: evalRuns,
  datasetName: evalDatasets.name,
  datasetVersion: evalDatasetVersions.version,
  startedByName: user.name,
  draftName: playgroundDrafts.name,
};

export async function listEvalRuns(limit = 100) {
  const db = await getDb();
  return db
    .select(runColumns)
    .from(evalRuns)
    .innerJoin(evalDatasetVersions, eq(evalDatasetVersions.id, evalRuns.datasetVersionId))
    .innerJoin(evalDatasets, eq(evalDatasets.id, evalDatasetVersions.datasetId))
    .leftJoin(user, eq(user.id, evalRuns.startedBy))
    .leftJoin(playgroundDrafts, eq(playgroundDrafts.id, evalRuns.draftId))
    .orderBy(desc(evalRuns.createdAt))
    .limit(limit);
}

export async function getEvalRun(runId: string) {
  const db = await getDb();
  const [row] = await db
    .select(runColumns)
    .from(evalRuns)
    .innerJoin(evalDatasetVersions, eq(evalDatasetVersions.id, evalRuns.datasetVersionId))
    .innerJoin(evalDatasets, eq(evalDatasets.id, evalDatasetVersions.datasetId))
    .leftJoin(user, eq(user.id, evalRuns.startedBy))
    .leftJoin(playgroundDrafts, eq(playgroundDrafts.id, evalRuns.draftId))
    .where(eq(evalRuns.id, runId));
  return row ?? null;
}

export async function getEvalRunCases(runId: string) {
  const db = await getDb();
  return db.select().from(evalRunCases).where(eq(evalRunCases.runId, runId)).orderBy(asc(evalRunCases.caseId), asc(evalRunCases.trial));
}
