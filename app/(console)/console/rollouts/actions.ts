"use server";

import crypto from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, formFields, invalidInput, type ActionResult } from "@/lib/action-result";
import { PREFILL_FEATURE } from "@/lib/ai/prefill-contract";
import { getLiveConfig } from "@/lib/ai/live-prompt";
import { listPromptVersions } from "@/lib/ai/prompts";
import { getAdminForAction, NOT_ALLOWED } from "@/lib/auth/admin";
import { setPromptLive } from "@/lib/db/queries/prompt-live";
import { getExperimentById, insertExperiment, setExperimentStatus, updateShares, type NewVariant } from "@/lib/db/queries/rollouts";
import { sharesProblem } from "@/lib/rollout/assignment";
import { DEFAULT_GUARD_RAIL_LIMITS } from "@/lib/rollout/guard-rails";
import { CONTROL_KEY } from "@/lib/rollout/variants";

const percent = (label: string, max = 100) =>
  z.coerce
    .number({ error: `${label}: enter a number.` })
    .min(0, `${label} can't be negative.`)
    .max(max, `${label} can be at most ${max} %.`)
    .transform((value) => value / 100);

const modelIdSchema = z
  .string()
  .trim()
  .max(100)
  .regex(/^([a-z-]+:[\w.:/-]+)?$/, "Use provider:model, e.g. openai:gpt-4o-mini, or leave empty for the configured model.")
  .transform((value) => value || null);

const optionalTemperature = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === "") return null;
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0 || number > 2) {
      context.addIssue({ code: "custom", message: "Temperature is a number from 0 to 2, or empty for the default." });
      return z.NEVER;
    }
    return number;
  });

const startSchema = z.object({
  name: z.string().trim().min(3, "Name the experiment (at least 3 characters).").max(80, "Keep the name under 80 characters."),
  holdout: percent("The holdout", 10),
  candidatePrompt: z.string().regex(/^[\w-]+@\d+$/, "Choose a prompt version."),
  candidateModel: modelIdSchema,
  candidateTemperature: optionalTemperature,
  candidateShare: percent("The candidate's share", 90),
  // An optional second candidate, C.
  secondPrompt: z.union([z.literal(""), z.string().regex(/^[\w-]+@\d+$/, "Choose a prompt version.")]).default(""),
  secondModel: modelIdSchema.prefault(""),
  secondTemperature: optionalTemperature.prefault(""),
  secondShare: percent("The second candidate's share", 45).prefault("0"),
  maxErrorRate: percent("The error-rate limit"),
  maxInvalidRate: percent("The invalid-answer limit"),
  maxP95LatencyMs: z.coerce.number({ error: "Enter milliseconds." }).int("Whole milliseconds.").min(100, "At least 100 ms.").max(120_000, "At most 120,000 ms."),
  minCalls: z.coerce.number({ error: "Enter a number of calls." }).int("A whole number of calls.").min(1, "At least 1 call.").max(1000, "At most 1,000 calls."),
});

/** Starts an A/B experiment on the pre-fill: control is what is live now, the candidate gets a share of sellers. */
export async function startRollout(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = startSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const input = parsed.data;
  const requested = [
    { key: "B", field: "candidate", prompt: input.candidatePrompt, modelId: input.candidateModel, temperature: input.candidateTemperature, share: input.candidateShare },
    ...(input.secondPrompt
      ? [{ key: "C", field: "second", prompt: input.secondPrompt, modelId: input.secondModel, temperature: input.secondTemperature, share: input.secondShare }]
      : []),
  ];
  for (const candidate of requested) {
    const [promptId, version] = candidate.prompt.split("@");
    if (!listPromptVersions(promptId).some((prompt) => prompt.version === Number(version))) {
      return { ok: false, error: "Please check the highlighted fields.", fieldErrors: { [`${candidate.field}Prompt`]: [`${candidate.prompt} does not exist.`] } };
    }
  }
  const problem = sharesProblem(input.holdout, requested);
  if (problem) return { ok: false, error: problem, fieldErrors: { candidateShare: [problem] } };

  const live = await getLiveConfig(PREFILL_FEATURE);
  const variants: NewVariant[] = [
    { key: CONTROL_KEY, promptId: live.prompt.id, promptVersion: live.prompt.version, modelId: live.modelId, temperature: null, share: 0 },
    ...requested.map((candidate) => {
      const [promptId, version] = candidate.prompt.split("@");
      return { key: candidate.key, promptId, promptVersion: Number(version), modelId: candidate.modelId, temperature: candidate.temperature, share: candidate.share };
    }),
  ];
  const describe = (candidate: (typeof requested)[number]) =>
    `candidate ${candidate.key} ${candidate.prompt} (${candidate.modelId ?? "configured model"}) at ${Math.round(candidate.share * 100)} %`;
  const id = await insertExperiment({
    name: input.name,
    feature: PREFILL_FEATURE,
    seed: crypto.randomBytes(8).toString("hex"),
    holdoutShare: input.holdout,
    guardRails: { ...DEFAULT_GUARD_RAIL_LIMITS, maxErrorRate: input.maxErrorRate, maxInvalidRate: input.maxInvalidRate, maxP95LatencyMs: input.maxP95LatencyMs, minCalls: input.minCalls, window: Math.max(DEFAULT_GUARD_RAIL_LIMITS.window, input.minCalls) },
    variants,
    createdBy: admin.id,
    detail: `Control ${live.prompt.id}@${live.prompt.version} (${live.modelId ?? "configured model"}); ${requested.map(describe).join("; ")}; holdout ${Math.round(input.holdout * 100)} %.`,
  });
  if (!id) return failure("An experiment is already running on the pre-fill. Stop it before starting another.");
  revalidatePath("/console/rollouts");
  redirect(`/console/rollouts/${id}`);
}

const sharesSchema = z.object({
  experimentId: z.uuid("Unknown experiment."),
  holdout: percent("The holdout", 10),
  share_B: percent("Candidate B's share", 90),
  share_C: percent("Candidate C's share", 45).optional(),
});

/** Changes the holdout and the candidate's share; sellers already on the candidate keep it when it grows. */
export async function changeRolloutShares(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = sharesSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { experimentId, holdout, ...requested } = parsed.data;
  const experiment = await getExperimentById(experimentId);
  if (!experiment) return failure("That experiment no longer exists.");
  if (experiment.status === "stopped") return failure("This experiment has stopped; start a new one to change traffic.");
  const candidates = experiment.variants
    .filter((variant) => variant.key !== CONTROL_KEY)
    .map((variant) => ({ key: variant.key, before: variant.share, share: requested[`share_${variant.key}` as keyof typeof requested] ?? variant.share }));
  const problem = sharesProblem(holdout, candidates);
  if (problem) return { ok: false, error: problem, fieldErrors: { share_B: [problem] } };
  const changes = candidates.map((candidate) => `candidate ${candidate.key} ${Math.round(candidate.before * 100)} % → ${Math.round(candidate.share * 100)} %`);
  await updateShares(
    experimentId,
    holdout,
    Object.fromEntries(candidates.map((candidate) => [candidate.key, candidate.share])),
    admin.id,
    `${changes.join("; ")}; holdout ${Math.round(experiment.holdoutShare * 100)} % → ${Math.round(holdout * 100)} %.`,
  );
  revalidatePath(`/console/rollouts/${experimentId}`);
  return { ok: true };
}

const statusSchema = z.object({ experimentId: z.uuid("Unknown experiment."), status: z.enum(["running", "paused", "stopped"]) });

/** Pause (everyone gets what is live), resume, or stop for good. */
export async function setRolloutStatus(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = statusSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { experimentId, status } = parsed.data;
  const experiment = await getExperimentById(experimentId);
  if (!experiment) return failure("That experiment no longer exists.");
  if (experiment.status === "stopped") return failure("This experiment has already stopped.");
  if (experiment.status === status) return { ok: true };
  const words = { running: "Resumed", paused: "Paused: everyone gets what is live", stopped: "Stopped" } as const;
  await setExperimentStatus(experimentId, status, admin.id, `${words[status]}.`);
  revalidatePath(`/console/rollouts/${experimentId}`);
  revalidatePath("/console/rollouts");
  return { ok: true };
}

const promoteSchema = z.object({ experimentId: z.uuid("Unknown experiment."), key: z.string().regex(/^[A-Z]$/, "Unknown variant.") });

/** Makes a variant's prompt version and model live for everyone, and stops the experiment. */
export async function promoteRolloutVariant(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = promoteSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { experimentId, key } = parsed.data;
  const experiment = await getExperimentById(experimentId);
  const variant = experiment?.variants.find((candidate) => candidate.key === key);
  if (!experiment || !variant) return failure("That experiment or variant no longer exists.");
  if (experiment.status === "stopped") return failure("This experiment has already stopped.");
  await setPromptLive(variant.promptId, variant.promptVersion, variant.modelId, admin.id);
  await setExperimentStatus(
    experimentId,
    "stopped",
    admin.id,
    `Promoted ${key} to live: ${variant.promptId}@${variant.promptVersion} with ${variant.modelId ?? "the configured model"}.`,
  );
  revalidatePath(`/console/rollouts/${experimentId}`);
  revalidatePath("/console/prompts");
  return { ok: true };
}
