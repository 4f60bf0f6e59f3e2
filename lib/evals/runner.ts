import { execFileSync } from "node:child_process";
import pLimit from "p-limit";
import { failEvalRun, finishEvalRun, insertEvalRun, insertEvalRunCase } from "@/lib/db/queries/eval-runs";
import type { ListingSuggestion } from "@/lib/ai/output-schema";
import type { PromptVersion } from "@/lib/ai/prompts";
import { resolveDataset, type StoredCase, type StoredDatasetVersion } from "./dataset-store";
import { categoryConsistency, computeMetrics, type EvalMetrics } from "./metrics";
import { scoreCase, type CaseScore } from "./scorers";

/** One answer of the analyse-photo task, as the runner needs it. */
export type EvalAnswer = {
  suggestion: ListingSuggestion | null;
  failureReason: string | null;
  callId: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
};

export type AnalyseForEval = (input: { imageIds: string[]; modelId: string; prompt: PromptVersion }) => Promise<EvalAnswer>;

export type EvalRunOptions = {
  dataset: string; // a folder or a stored dataset name (name@version)
  datasetName?: string; // the name to import a folder under
  modelId: string;
  prompt: PromptVersion;
  trials?: number;
  concurrency?: number;
  startedBy?: string | null;
  /** Set when the prompt is a playground draft: the run then records its text and the draft. */
  draft?: { id: string };
  analyse: AnalyseForEval;
  onProgress?: (done: number, total: number) => void;
};

export type EvalRunReport = {
  run: {
    id: string;
    dataset: { name: string; version: number };
    model: string;
    prompt: { id: string; version: number; hash: string };
    params: { trials: number; concurrency: number };
    gitCommit: string | null;
    startedAt: string;
    finishedAt: string;
  };
  metrics: EvalMetrics & { categoryConsistency: number };
  cases: (CaseScore & { callId: string | null })[];
};

export function currentGitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/**
 * Runs the analyse-photo task once per case per trial and stores everything as an experiment:
 * dataset version, model, prompt, parameters, git commit, per-case results and the aggregates.
 */
export async function runEval(options: EvalRunOptions): Promise<EvalRunReport> {
  const dataset: StoredDatasetVersion = await resolveDataset(options.dataset, options.datasetName);
  const trials = Math.max(1, options.trials ?? 1);
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const startedAt = new Date();
  const gitCommit = currentGitCommit();
  const run = await insertEvalRun({
    datasetVersionId: dataset.datasetVersionId,
    modelId: options.modelId,
    promptId: options.prompt.id,
    promptVersion: options.prompt.version,
    promptHash: options.prompt.hash,
    params: { trials, concurrency },
    gitCommit,
    startedBy: options.startedBy ?? null,
    // A published version's text is in the code at gitCommit; a draft's exists only here.
    promptText: options.draft ? options.prompt.text : null,
    draftId: options.draft?.id ?? null,
  });

  const tasks = dataset.cases.flatMap((evalCase) => Array.from({ length: trials }, (_, trial) => ({ evalCase, trial })));
  let done = 0;
  try {
    const limit = pLimit(concurrency);
    const cases = await Promise.all(
      tasks.map(({ evalCase, trial }) =>
        limit(async () => {
          const scored = await runCase(options, evalCase, trial);
          await insertEvalRunCase({ runId: run.id, caseId: evalCase.id, trial, aiCallId: scored.callId, score: scored.score, suggestion: scored.suggestion });
          options.onProgress?.(++done, tasks.length);
          return { ...scored.score, callId: scored.callId };
        }),
      ),
    );
    const metrics = { ...computeMetrics(cases), categoryConsistency: categoryConsistency(cases) };
    await finishEvalRun(run.id, metrics);
    return {
      run: {
        id: run.id,
        dataset: { name: dataset.name, version: dataset.version },
        model: options.modelId,
        prompt: { id: options.prompt.id, version: options.prompt.version, hash: options.prompt.hash },
        params: { trials, concurrency },
        gitCommit,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
      },
      metrics,
      cases,
    };
  } catch (error) {
    await failEvalRun(run.id, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

async function runCase(options: EvalRunOptions, evalCase: StoredCase, trial: number) {
  const started = performance.now();
  const answer = await options.analyse({ imageIds: [evalCase.imageId], modelId: options.modelId, prompt: options.prompt });
  const latencyMs = Math.round(performance.now() - started);
  const score = scoreCase(evalCase, { ...answer, latencyMs }, trial);
  return { score, callId: answer.callId, suggestion: answer.suggestion };
}
