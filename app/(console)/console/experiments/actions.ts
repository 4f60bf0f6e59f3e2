"use server";

import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, formFields, invalidInput, type ActionResult } from "@/lib/action-result";
import { parsePromptRef } from "@/lib/ai/prompts";
import { getAdminForAction, NOT_ALLOWED } from "@/lib/auth/admin";
import { loadStoredDataset } from "@/lib/evals/dataset-store";
import { analyseForEval } from "@/lib/evals/analyse";
import { runEval } from "@/lib/evals/runner";

const startSchema = z.object({
  dataset: z.string().min(1, "Choose a dataset."),
  modelId: z.string().trim().regex(/^[a-z-]+:[\w.:/-]+$/, "Use provider:model, e.g. openai:gpt-4o-mini or mock:fixture."),
  prompt: z.string().min(1),
  trials: z.coerce.number().int().min(1, "At least 1 trial.").max(5, "At most 5 trials from the console."),
});

/** Starts an evaluation run in the background; it appears in the runs list at once and fills in as it goes. */
export async function startExperiment(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = startSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  let prompt;
  try {
    prompt = parsePromptRef(parsed.data.prompt);
  } catch {
    return { ok: false, error: "Please check the highlighted fields.", fieldErrors: { prompt: ["Unknown prompt version."] } };
  }
  if (!(await loadStoredDataset(parsed.data.dataset))) {
    return { ok: false, error: "Please check the highlighted fields.", fieldErrors: { dataset: ["No such dataset."] } };
  }
  const options = { dataset: parsed.data.dataset, modelId: parsed.data.modelId, prompt, trials: parsed.data.trials, concurrency: 2, startedBy: admin.id, analyse: analyseForEval };
  // The run outlives this request; its row (status "running") is created at once.
  after(async () => {
    try {
      await runEval(options);
    } catch (error) {
      console.error("[evals] a console run failed:", error);
    }
  });
  revalidatePath("/console/experiments");
  return { ok: true };
}
