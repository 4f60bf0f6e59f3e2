import { z } from "zod";
import { hashPromptText, type PromptVersion } from "@/lib/ai/prompts";
import { upsertPlaygroundDraft } from "@/lib/db/queries/playground-drafts";
import { MAX_PROMPT_CHARS } from "./playground-lines";

// Prompt drafts written in the console playground. A draft is an admin's own and is never served
// to sellers: only the playground and experiments run it. It becomes a version only as a reviewed
// file in lib/ai/prompts/ (publish-file.ts says which).

/** The version number a draft carries in the call log and on experiment runs (published versions start at 1). */
export const DRAFT_VERSION = 0;
export const PLAYGROUND_PROMPT_ID = "listing-prefill";
export const MAX_DRAFT_CHARS = MAX_PROMPT_CHARS;

export const draftTextSchema = z
  .string()
  .max(MAX_DRAFT_CHARS, `At most ${MAX_DRAFT_CHARS.toLocaleString("en-IE")} characters.`)
  .refine((text) => text.trim().length > 0, "Write the prompt text.");

export const draftInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the draft a name.")
    .max(80, "At most 80 characters.")
    .regex(/^[^\p{Cc}]*$/u, "No control characters."),
  text: draftTextSchema,
});
export type DraftInput = z.infer<typeof draftInputSchema>;

/** A draft's text as a prompt the analyse-photo task and the runner accept (version 0, its own hash). */
export function draftPrompt(text: string, promptId = PLAYGROUND_PROMPT_ID): PromptVersion {
  return { id: promptId, version: DRAFT_VERSION, text, hash: hashPromptText(text) };
}

/** Saves the admin's draft under its name (replacing the text of one they saved under that name). */
export async function saveDraft(ownerId: string, input: DraftInput) {
  const prompt = draftPrompt(input.text);
  return upsertPlaygroundDraft({ ownerId, promptId: prompt.id, name: input.name, text: prompt.text, hash: prompt.hash });
}
