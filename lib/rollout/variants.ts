import { getLiveConfig } from "@/lib/ai/live-prompt";
import { resolveModelConfig } from "@/lib/ai/models";
import { listPromptVersions, type PromptVersion } from "@/lib/ai/prompts";
import { waitForRecordedCalls } from "@/lib/ai/record-calls";
import { cutCandidate, getActiveExperiment, getRecentVariantCalls, type ExperimentWithVariants } from "@/lib/db/queries/rollouts";
import { env } from "@/lib/env";
import type { RolloutVariant } from "@/lib/db/schema";
import { assignSubject } from "./assignment";
import { checkGuardRail } from "./guard-rails";

export const CONTROL_KEY = "A";

/** The key ai_calls.variant_key records: which experiment and which of its variants. */
export function variantLogKey(experimentId: string, key: string): string {
  return `${experimentId}:${key}`;
}

export type ServedVariant =
  /** No experiment is running: the live prompt and model serve everyone. */
  | { kind: "live" }
  /** The seller is in the holdout: no pre-fill at all. */
  | { kind: "holdout"; experimentId: string }
  | {
      kind: "variant";
      experimentId: string;
      key: string;
      logKey: string;
      prompt: PromptVersion;
      modelId: string | undefined;
      temperature: number | undefined;
    };

function findPrompt(variant: RolloutVariant): PromptVersion | undefined {
  return listPromptVersions(variant.promptId).find((prompt) => prompt.version === variant.promptVersion);
}

/** The model a variant's own calls are logged under (its model, or the configured default). */
export function variantModelId(variant: RolloutVariant): string | null {
  if (variant.modelId) return variant.modelId;
  const choice = resolveModelConfig(env);
  return choice.ok ? choice.config.id : null;
}

/**
 * Which variant serves this seller's pre-fill. Candidates past a guard rail are cut back to
 * control first, so a failing candidate stops reaching sellers on the next request.
 */
export async function chooseVariant(feature: string, subjectId: string): Promise<ServedVariant> {
  const experiment = await getActiveExperiment(feature);
  if (!experiment || experiment.status !== "running") return { kind: "live" };
  const candidates = await applyGuardRails(experiment);
  const assignment = assignSubject(
    experiment.seed,
    subjectId,
    experiment.holdoutShare,
    candidates.map((variant) => ({ key: variant.key, share: variant.share })),
  );
  if (assignment.kind === "holdout") return { kind: "holdout", experimentId: experiment.id };
  const key = assignment.kind === "candidate" ? assignment.key : CONTROL_KEY;
  const variant = experiment.variants.find((candidate) => candidate.key === key);
  const prompt = variant && findPrompt(variant);
  if (!variant || !prompt) {
    // A variant whose prompt version was removed from the repository: serve what is live.
    const live = await getLiveConfig(feature);
    return { kind: "variant", experimentId: experiment.id, key: CONTROL_KEY, logKey: variantLogKey(experiment.id, CONTROL_KEY), prompt: live.prompt, modelId: live.modelId ?? undefined, temperature: undefined };
  }
  return {
    kind: "variant",
    experimentId: experiment.id,
    key,
    logKey: variantLogKey(experiment.id, key),
    prompt,
    modelId: variant.modelId ?? undefined,
    temperature: variant.params.temperature,
  };
}

/** Checks each candidate with traffic against the experiment's limits; returns the candidates with their current shares. */
export async function applyGuardRails(experiment: ExperimentWithVariants): Promise<RolloutVariant[]> {
  const candidates = experiment.variants.filter((variant) => variant.key !== CONTROL_KEY);
  const limits = experiment.guardRails;
  return Promise.all(
    candidates.map(async (variant) => {
      if (variant.share <= 0) return variant;
      const modelId = variantModelId(variant);
      if (!modelId) return variant;
      const recent = await getRecentVariantCalls(variantLogKey(experiment.id, variant.key), modelId, limits.window, variant.cutAt);
      const verdict = checkGuardRail(recent, limits);
      if (!verdict.trip) return variant;
      await cutCandidate(experiment.id, variant.key, verdict.reason);
      return { ...variant, share: 0, cutReason: verdict.reason, cutAt: new Date() };
    }),
  );
}

/**
 * Once a candidate's call is in the call log, judges the experiment again, so a candidate that
 * just tripped its guard rail shows as cut in the console without waiting for the next seller.
 */
export async function applyGuardRailsAfterCall(feature: string): Promise<void> {
  await waitForRecordedCalls();
  const experiment = await getActiveExperiment(feature);
  if (experiment?.status === "running") await applyGuardRails(experiment);
}
