import { getDatasetVersionCases } from "@/lib/db/queries/eval-datasets";
import { getEvalRun, getEvalRunCases } from "@/lib/db/queries/eval-runs";
import type { ListingSuggestion } from "@/lib/ai/output-schema";
import { isUuid } from "@/lib/db/uuid";
import type { EvalMetrics } from "./metrics";
import type { CaseScore } from "./scorers";

export type RunDetails = NonNullable<Awaited<ReturnType<typeof getRunDetails>>>;

/** A stored run with its scores, answers and each case's photo, as the console shows it. */
export async function getRunDetails(runId: string) {
  if (!isUuid(runId)) return null;
  const row = await getEvalRun(runId);
  if (!row) return null;
  const [cases, datasetCases] = await Promise.all([getEvalRunCases(runId), getDatasetVersionCases(row.run.datasetVersionId)]);
  const photoByCase = new Map(datasetCases.map(({ case: evalCase, storageKey }) => [evalCase.caseId, storageKey]));
  return {
    ...row,
    metrics: row.run.metrics as (EvalMetrics & { categoryConsistency: number }) | null,
    scores: cases.map((stored) => stored.score as CaseScore),
    answers: cases.map((stored) => ({ caseId: stored.caseId, trial: stored.trial, suggestion: stored.suggestion as ListingSuggestion | null, callId: stored.aiCallId })),
    photoByCase,
  };
}
