"use server";

import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, formFields, invalidInput, type ActionResult } from "@/lib/action-result";
import { resolveModelConfig } from "@/lib/ai/models";
import { getAdminForAction, NOT_ALLOWED } from "@/lib/auth/admin";
import { deletePlaygroundDraft, getPlaygroundDraft } from "@/lib/db/queries/playground-drafts";
import { env } from "@/lib/env";
import { analyseForEval } from "@/lib/evals/analyse";
import { loadStoredDataset } from "@/lib/evals/dataset-store";
import { runEval } from "@/lib/evals/runner";
import { imageUrl, storeUploadedImage } from "@/lib/images";
import { draftInputSchema, draftPrompt, saveDraft } from "@/lib/playground/drafts";
import { saveCaseSchema, saveColumnAsCase } from "@/lib/playground/save-case";
import { consumeUploadAllowance } from "@/lib/sell/upload-limit";

const PLAYGROUND_PATH = "/console/playground";
const CHECK_FIELDS = "Please check the highlighted fields.";

/** Saves the admin's draft under its name; the same name again replaces its text. */
export async function savePlaygroundDraft(
  _previous: ActionResult<{ draft: { id: string; name: string; hash: string } }> | null,
  formData: FormData,
): Promise<ActionResult<{ draft: { id: string; name: string; hash: string } }>> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = draftInputSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const draft = await saveDraft(admin.id, parsed.data);
  revalidatePath(PLAYGROUND_PATH);
  return { ok: true, draft: { id: draft.id, name: draft.name, hash: draft.hash } };
}

const draftIdSchema = z.object({ draftId: z.uuid("Choose one of your drafts.") });

/** Removes one of the admin's own drafts (experiment runs made from it keep its text). */
export async function deletePlaygroundDraftAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = draftIdSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  if (!(await deletePlaygroundDraft(admin.id, parsed.data.draftId))) return failure("That draft is not one of yours, or is already gone.");
  revalidatePath(PLAYGROUND_PATH);
  return { ok: true };
}

/** A fresh photo for the playground, checked and stored exactly as on the sell page (lib/images). */
export async function uploadPlaygroundPhoto(formData: FormData): Promise<ActionResult<{ photo: { id: string; thumbUrl: string } }>> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const file = formData instanceof FormData ? formData.get("photo") : null;
  if (!(file instanceof File)) return failure("Choose a photo to upload.");
  const limited = await consumeUploadAllowance(admin.id, file.size);
  if (limited) return failure(limited);
  const stored = await storeUploadedImage(Buffer.from(await file.arrayBuffer()), admin.id);
  if (!stored.ok) return failure(stored.error);
  return { ok: true, photo: { id: stored.image.id, thumbUrl: imageUrl(stored.image.storageKey, "thumb") } };
}

/** "Save as eval case": the photo and the admin's fields become a case in a new version of a dataset. */
export async function savePlaygroundCase(_previous: ActionResult<{ message: string }> | null, formData: FormData): Promise<ActionResult<{ message: string }>> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = saveCaseSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const saved = await saveColumnAsCase(parsed.data);
  if (!saved.ok) return { ok: false, error: "Nothing was added.", fieldErrors: { [saved.field]: [saved.error] } };
  revalidatePath("/console/datasets");
  revalidatePath(PLAYGROUND_PATH);
  return { ok: true, message: `Added as case ${saved.caseId}: ${saved.dataset} v${saved.version} now has ${saved.caseCount} case${saved.caseCount === 1 ? "" : "s"}.` };
}

const experimentSchema = z.object({
  draftId: z.uuid("Choose one of your drafts."),
  dataset: z.string().min(1, "Choose a dataset.").max(100),
  modelId: z.string().trim().regex(/^[a-z-]+:[\w.:/-]{1,100}$/, "Use provider:model, e.g. openai:gpt-4o-mini or mock:fixture."),
  trials: z.coerce.number().int().min(1, "At least 1 trial.").max(5, "At most 5 trials from the console."),
});

/**
 * Runs a saved draft over a dataset with the experiment runner (lib/evals), in the background, as
 * the Experiments page does; the run records the draft's text and hash.
 */
export async function runDraftExperiment(_previous: ActionResult<{ message: string }> | null, formData: FormData): Promise<ActionResult<{ message: string }>> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = experimentSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const draft = await getPlaygroundDraft(admin.id, parsed.data.draftId);
  if (!draft) return { ok: false, error: CHECK_FIELDS, fieldErrors: { draftId: ["That draft is not one of yours, or is gone."] } };
  const model = resolveModelConfig(env, parsed.data.modelId);
  if (!model.ok) return { ok: false, error: CHECK_FIELDS, fieldErrors: { modelId: [model.problem] } };
  if (!(await loadStoredDataset(parsed.data.dataset))) return { ok: false, error: CHECK_FIELDS, fieldErrors: { dataset: ["No such dataset."] } };
  const options = {
    dataset: parsed.data.dataset,
    modelId: model.config.id,
    prompt: draftPrompt(draft.text, draft.promptId),
    draft: { id: draft.id },
    trials: parsed.data.trials,
    concurrency: 2,
    startedBy: admin.id,
    analyse: analyseForEval,
  };
  // The run outlives this request; its row (status "running") is created at once.
  after(async () => {
    try {
      await runEval(options);
    } catch (error) {
      console.error("[playground] a draft experiment failed:", error);
    }
  });
  revalidatePath("/console/experiments");
  return { ok: true, message: `Started: draft "${draft.name}" (${draft.hash}) on ${parsed.data.dataset} with ${model.config.id}.` };
}
