"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, formFields, invalidInput, type ActionResult } from "@/lib/action-result";
import { listPromptVersions } from "@/lib/ai/prompts";
import { getAdminForAction, NOT_ALLOWED } from "@/lib/auth/admin";
import { setPromptLive } from "@/lib/db/queries/prompt-live";

const setLiveSchema = z.object({
  promptId: z.string().min(1).max(100),
  version: z.coerce.number().int().positive(),
  modelId: z
    .string()
    .trim()
    .max(100)
    .regex(/^([a-z-]+:[\w.:/-]+)?$/, "Use provider:model, e.g. openai:gpt-4o-mini, or leave empty for the configured model.")
    .transform((value) => value || null),
});

/** Points live traffic at a prompt version (and model). One click, recorded with who and when. */
export async function setLivePrompt(formData: FormData): Promise<ActionResult> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = setLiveSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { promptId, version, modelId } = parsed.data;
  if (!listPromptVersions(promptId).some((prompt) => prompt.version === version)) return failure(`${promptId} has no version ${version}.`);
  await setPromptLive(promptId, version, modelId, admin.id);
  revalidatePath("/console/prompts");
  return { ok: true };
}
