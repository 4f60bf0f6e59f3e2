import { beforeAll, describe, expect, it } from "vitest";
import { hashPromptText } from "@/lib/ai/prompts";
import { getDb } from "@/lib/db/client";
import { deletePlaygroundDraft, getPlaygroundDraft, listPlaygroundDrafts } from "@/lib/db/queries/playground-drafts";
import { getEvalRun } from "@/lib/db/queries/eval-runs";
import { user } from "@/lib/db/schema";
import { runEval } from "@/lib/evals/runner";
import { writeGeneratedDataset } from "@/lib/testing/eval-dataset";
import { DRAFT_VERSION, draftInputSchema, draftPrompt, PLAYGROUND_PROMPT_ID, saveDraft } from "./drafts";

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "ann", name: "Ann Admin", email: "ann@example.com", role: "admin" },
    { id: "bob", name: "Bob Admin", email: "bob@example.com", role: "admin" },
  ]);
});

describe("playground drafts", () => {
  it("are saved per admin under their name, with the hash of their text", async () => {
    const draft = await saveDraft("ann", { name: "shorter titles", text: "Write short titles." });
    expect(draft).toMatchObject({ ownerId: "ann", promptId: PLAYGROUND_PROMPT_ID, name: "shorter titles", hash: hashPromptText("Write short titles.") });
    // The same name again replaces the text (and its hash); it is still one draft.
    const again = await saveDraft("ann", { name: "shorter titles", text: "Write very short titles." });
    expect(again.id).toBe(draft.id);
    expect(again.hash).toBe(hashPromptText("Write very short titles."));
    // Bob may use the same name: his draft is his own.
    const bobs = await saveDraft("bob", { name: "shorter titles", text: "Bob's text." });
    expect(bobs.id).not.toBe(draft.id);
    expect((await listPlaygroundDrafts("ann", PLAYGROUND_PROMPT_ID)).map((row) => row.text)).toEqual(["Write very short titles."]);
  });

  it("are read and deleted only by their owner", async () => {
    const draft = await saveDraft("ann", { name: "private", text: "Ann's idea." });
    expect(await getPlaygroundDraft("bob", draft.id)).toBeNull();
    expect(await deletePlaygroundDraft("bob", draft.id)).toBe(false);
    expect(await getPlaygroundDraft("ann", draft.id)).toMatchObject({ text: "Ann's idea." });
    expect(await getPlaygroundDraft("ann", "not-a-uuid")).toBeNull();
    expect(await deletePlaygroundDraft("ann", draft.id)).toBe(true);
    expect(await getPlaygroundDraft("ann", draft.id)).toBeNull();
  });

  it("run as version 0 with their own hash, so a call never passes for a published version", () => {
    expect(draftPrompt("Try this.")).toEqual({ id: "listing-prefill", version: DRAFT_VERSION, text: "Try this.", hash: hashPromptText("Try this.") });
    expect(DRAFT_VERSION).toBe(0);
  });

  it("refuse an empty text, a missing name and control characters, beside the field", () => {
    const parsed = draftInputSchema.safeParse({ name: " \u0007 ", text: "   " });
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["name", "text"]));
    expect(draftInputSchema.safeParse({ name: "ok", text: "x".repeat(16_001) }).success).toBe(false);
  });
});

describe("a draft run as an experiment", () => {
  it("goes through the experiment runner and the run records the draft's text and hash", async () => {
    const draft = await saveDraft("ann", { name: "experiment", text: "Name the item plainly." });
    const prompts: string[] = [];
    const report = await runEval({
      dataset: await writeGeneratedDataset(),
      datasetName: "draft-run",
      modelId: "mock:fixture",
      prompt: draftPrompt(draft.text),
      draft: { id: draft.id },
      analyse: async ({ prompt }) => {
        prompts.push(prompt.text);
        return { suggestion: null, failureReason: "invalid_output", callId: null, inputTokens: null, outputTokens: null, costUsd: null };
      },
    });
    expect(new Set(prompts)).toEqual(new Set(["Name the item plainly."]));
    const stored = await getEvalRun(report.run.id);
    expect(stored?.run).toMatchObject({ promptId: "listing-prefill", promptVersion: 0, promptHash: draft.hash, promptText: "Name the item plainly.", draftId: draft.id, status: "done" });
    expect(stored?.draftName).toBe("experiment");
    // Deleting the draft keeps the run and the text it ran.
    await deletePlaygroundDraft("ann", draft.id);
    expect((await getEvalRun(report.run.id))?.run).toMatchObject({ promptText: "Name the item plainly.", draftId: null });
  });
});
