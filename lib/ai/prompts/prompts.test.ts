import { describe, expect, it } from "vitest";
import { CATEGORIES } from "@/lib/listings/options";
import { getPrompt, hashPromptText, listPromptVersions, parsePromptRef } from "./index";
import lock from "./prompts.lock.json";

// prompts.lock.json holds the hash of every published prompt version. A published text must never
// change (calls recorded with its hash would then lie about what the model was told): a changed
// prompt is a new version file, plus its line in the lock.

describe("prompt versions", () => {
  it("match the lock: no published text was edited and every version is locked", () => {
    const hashes = Object.fromEntries(listPromptVersions().map((prompt) => [`${prompt.id}@${prompt.version}`, prompt.hash]));
    expect(hashes).toEqual(lock);
  });

  it("hash the text, so any edit shows", () => {
    const prompt = getPrompt("listing-prefill", 1);
    expect(prompt.hash).toBe(hashPromptText(prompt.text));
    expect(hashPromptText(`${prompt.text} `)).not.toBe(prompt.hash);
  });

  it("load the newest version by default, or the one asked for", () => {
    const versions = listPromptVersions("listing-prefill");
    expect(getPrompt("listing-prefill")).toEqual(versions.at(-1));
    expect(parsePromptRef("listing-prefill@1")).toMatchObject({ id: "listing-prefill", version: 1 });
    expect(() => getPrompt("listing-prefill", 999)).toThrow(/Unknown prompt listing-prefill@999/);
    expect(() => getPrompt("no-such-prompt")).toThrow(/Unknown prompt/);
  });

  it.each(listPromptVersions("listing-prefill").map((prompt) => [prompt.version, prompt.text]))(
    "listing-prefill@%i names every category and forbids inventing details",
    (_version, text) => {
      for (const category of CATEGORIES) expect(text).toContain(category);
      expect(text).toMatch(/never invent/i);
    },
  );
});
