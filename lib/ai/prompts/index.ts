import crypto from "node:crypto";
import * as listingPrefillV1 from "./listing-prefill/v1";

export type PromptVersion = { id: string; version: number; text: string; hash: string };

// Every version of every prompt. A new version is a new file added here; published files are
// never edited (prompts.test.ts checks each text against prompts.lock.json).
const SOURCES: { id: string; version: number; text: string }[] = [
  { id: "listing-prefill", version: 1, text: listingPrefillV1.text },
];

export function hashPromptText(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex").slice(0, 16);
}

const PROMPTS: PromptVersion[] = SOURCES.map((source) => ({ ...source, hash: hashPromptText(source.text) }));

export function listPromptVersions(id?: string): PromptVersion[] {
  return PROMPTS.filter((prompt) => !id || prompt.id === id).sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

/** A prompt version by id; without a version, the newest. Throws for an unknown id or version. */
export function getPrompt(id: string, version?: number): PromptVersion {
  const versions = listPromptVersions(id);
  const prompt = version === undefined ? versions.at(-1) : versions.find((candidate) => candidate.version === version);
  if (!prompt) throw new Error(`Unknown prompt ${id}${version === undefined ? "" : `@${version}`}`);
  return prompt;
}

/** Parses "listing-prefill@2" (or "listing-prefill" for the newest). */
export function parsePromptRef(ref: string): PromptVersion {
  const [id, version] = ref.split("@");
  return getPrompt(id, version === undefined ? undefined : Number(version));
}
