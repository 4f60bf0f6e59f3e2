import { getPromptLiveRow } from "@/lib/db/queries/prompt-live";
import { getPrompt, listPromptVersions, type PromptVersion } from "./prompts";

export type LiveConfig = { prompt: PromptVersion; modelId: string | null; pinned: boolean };

/**
 * What serves live traffic for a prompt: the version (and model, when one is set) the console
 * pinned, or else the newest version with the configured model. A pin to a version that no
 * longer exists falls back to the newest rather than failing sellers.
 */
export async function getLiveConfig(promptId: string): Promise<LiveConfig> {
  const row = await getPromptLiveRow(promptId);
  const pinned = row ? listPromptVersions(promptId).find((prompt) => prompt.version === row.version) : undefined;
  if (!row || !pinned) return { prompt: getPrompt(promptId), modelId: null, pinned: false };
  return { prompt: pinned, modelId: row.modelId, pinned: true };
}
