import { describe, expect, it } from "vitest";
import { getPromptLiveChanges, setPromptLive } from "@/lib/db/queries/prompt-live";
import { getLiveConfig } from "./live-prompt";
import { getPrompt } from "./prompts";

describe("the live prompt pointer", () => {
  it("defaults to the newest version with the configured model", async () => {
    expect(await getLiveConfig("listing-prefill")).toEqual({ prompt: getPrompt("listing-prefill"), modelId: null, pinned: false });
  });

  it("follows a pin and records every change", async () => {
    await setPromptLive("listing-prefill", 1, "mock:fixture", null);
    expect(await getLiveConfig("listing-prefill")).toMatchObject({ prompt: { version: 1 }, modelId: "mock:fixture", pinned: true });
    await setPromptLive("listing-prefill", 1, null, null);
    const changes = await getPromptLiveChanges("listing-prefill");
    expect(changes.map(({ change }) => [change.previousModelId, change.modelId])).toEqual([
      ["mock:fixture", null],
      [null, "mock:fixture"],
    ]);
  });

  it("falls back to the newest version when the pinned one does not exist", async () => {
    await setPromptLive("listing-prefill", 99, null, null);
    expect(await getLiveConfig("listing-prefill")).toMatchObject({ prompt: getPrompt("listing-prefill"), pinned: false });
  });
});
