import { analysePhoto } from "@/lib/ai/analyse-photo";
import { EVAL_FEATURE } from "@/lib/ai/prefill-contract";
import { env } from "@/lib/env";
import type { AnalyseForEval } from "./runner";

/**
 * The runner's task: the very analyse-photo path the sell flow uses (same schema, prompt files,
 * model registry and call logging), with the run's model and prompt version. No fallback: a
 * run measures the model it names, and a failure counts as one.
 */
export const analyseForEval: AnalyseForEval = async ({ imageIds, modelId, prompt }) => {
  const result = await analysePhoto({ imageIds, userId: null, modelId, prompt, feature: EVAL_FEATURE }, { ...env, AI_FALLBACK: "none" });
  if (result.ok) return { suggestion: result.suggestion, failureReason: null, callId: result.callId, ...result.usage };
  return { suggestion: null, failureReason: result.reason, callId: result.callId, inputTokens: null, outputTokens: null, costUsd: null };
};
