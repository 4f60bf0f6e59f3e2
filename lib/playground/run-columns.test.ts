import { beforeAll, describe, expect, it } from "vitest";
import { analysePhoto, type AiSettings } from "@/lib/ai/analyse-photo";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { hashPromptText } from "@/lib/ai/prompts";
import { waitForRecordedCalls } from "@/lib/ai/record-calls";
import { getDb } from "@/lib/db/client";
import { getAiCallById } from "@/lib/db/queries/ai-calls";
import { user } from "@/lib/db/schema";
import { storeUploadedImage } from "@/lib/images";
import { getMonitoringReport } from "@/lib/monitoring/report";
import { makeJpeg } from "@/lib/testing/images";
import { compareColumns } from "./compare-columns";
import type { PlaygroundLine } from "./playground-lines";
import { getPrompt } from "@/lib/ai/prompts";
import { resolveColumn, runColumns } from "./run-columns";

const settings: AiSettings = { AI_MODEL: "mock:fixture", AI_MOCK_MODELS: true, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, AI_TIMEOUT_MS: 3000, AI_FALLBACK: "local:vision" };
let sellersPhoto: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller", name: "Sam Seller", email: "sam@example.com" },
    { id: "ann", name: "Ann Admin", email: "ann@example.com", role: "admin" },
  ]);
  // A seller's photo: the playground reads it for an admin, as the sell page would for the seller.
  const stored = await storeUploadedImage(await makeJpeg(640, 480), "seller");
  if (!stored.ok) throw new Error(stored.error);
  sellersPhoto = stored.image.id;
});

const DRAFT = "Draft: describe only what the photo shows, in one sentence.";

describe("the playground's column runner", () => {
  it("streams every column on the same photo, then one answer each with latency, tokens and cost", async () => {
    const lines: PlaygroundLine[] = [];
    const finals = await runColumns(
      {
        imageIds: [sellersPhoto],
        adminId: "ann",
        send: (line) => lines.push(line),
        columns: [
          { prompt: { kind: "version", ref: "listing-prefill@1" }, modelId: "mock:fixture", temperature: null },
          { prompt: { kind: "draft", text: DRAFT, name: "one sentence" }, modelId: "mock:low-confidence", temperature: 0.2 },
        ],
      },
      settings,
    );
    expect(finals.map((line) => line.type)).toEqual(["done", "done"]);
    const [first, second] = finals as Extract<PlaygroundLine, { type: "done" }>[];
    expect(first).toMatchObject({ column: 0, suggestion: DEFAULT_FIXTURE, model: { id: "mock:fixture" }, prompt: { label: "listing-prefill@1" } });
    expect(second).toMatchObject({ column: 1, model: { id: "mock:low-confidence" }, prompt: { label: `draft one sentence (${hashPromptText(DRAFT)})`, hash: hashPromptText(DRAFT) } });
    expect(second.suggestion.confidence).toMatchObject({ category: "low", price: "low" });
    for (const final of [first, second]) {
      expect(final.latencyMs).toBeGreaterThan(0);
      expect(final.usage.inputTokens).toBeGreaterThan(0);
      // A mock model has no price: unknown, never zero.
      expect(final.usage.costUsd).toBeNull();
    }
    // Each column streamed partial answers before its own final line.
    for (const column of [0, 1]) {
      const ofColumn = lines.filter((line) => "column" in line && line.column === column);
      expect(ofColumn.at(-1)?.type).toBe("done");
      expect(ofColumn.filter((line) => line.type === "partial").length).toBeGreaterThan(1);
    }

    // The diff: the low-confidence column leaves the category for the seller, as the sell page does.
    const rows = compareColumns([first.suggestion, second.suggestion], null);
    expect(rows.find((row) => row.field === "category")).toMatchObject({ values: ["Home & Garden", ""], differs: true });
    expect(rows.find((row) => row.field === "title")).toMatchObject({ differs: false });

    // Both calls are logged as the admin's, under their own feature, with the prompt they ran.
    await waitForRecordedCalls();
    const [loggedV1, loggedDraft] = await Promise.all([getAiCallById(first.callId), getAiCallById(second.callId)]);
    expect(loggedV1).toMatchObject({ feature: "playground", userId: "ann", modelId: "mock:fixture", promptVersion: 1, status: "ok", imageIds: [sellersPhoto], synthetic: false });
    expect(loggedDraft).toMatchObject({ feature: "playground", promptId: "listing-prefill", promptVersion: 0, promptHash: hashPromptText(DRAFT), status: "ok" });
    expect(loggedDraft?.params).toMatchObject({ temperature: 0.2 });

    // Live monitoring counts only sellers' pre-fills: beside one seller's, the playground's two are not in it.
    expect(await analysePhoto({ imageIds: [sellersPhoto], userId: "seller" }, settings)).toMatchObject({ ok: true });
    await waitForRecordedCalls();
    const report = await getMonitoringReport({ range: "hour", split: "model" }, new Date());
    expect(report.overall.calls).toBe(1);
  });

  it("says why a column cannot run, and runs the others", async () => {
    const finals = await runColumns(
      {
        imageIds: [sellersPhoto],
        adminId: "ann",
        send: () => undefined,
        columns: [
          { prompt: { kind: "version", ref: "listing-prefill@99" }, modelId: "mock:fixture", temperature: null },
          { prompt: { kind: "version", ref: "listing-prefill@1" }, modelId: "openai:gpt-4o-mini", temperature: null },
          { prompt: { kind: "version", ref: "listing-prefill@1" }, modelId: "mock:error", temperature: null },
        ],
      },
      settings,
    );
    expect(finals[0]).toMatchObject({ type: "failed", reason: "bad_column", message: "There is no prompt version listing-prefill@99.", callId: null });
    expect(finals[1]).toMatchObject({ type: "failed", reason: "bad_column", message: "openai:gpt-4o-mini needs OPENAI_API_KEY." });
    // A provider failure is the model's own answer: no fallback to the built-in model in the playground.
    expect(finals[2]).toMatchObject({ type: "failed", reason: "provider_error" });
    const failedCall = await (waitForRecordedCalls().then(() => getAiCallById((finals[2] as { callId: string }).callId)));
    expect(failedCall).toMatchObject({ feature: "playground", modelId: "mock:error", status: "error" });
  });
});

describe("a column's prompt", () => {
  it("names a draft by its name and hash, and says when its text is a published version's", () => {
    const draft = resolveColumn({ prompt: { kind: "draft", text: DRAFT, name: " one sentence " }, modelId: "mock:fixture", temperature: null });
    expect(draft).toMatchObject({ ok: true, column: { label: `draft one sentence (${hashPromptText(DRAFT)})`, prompt: { version: 0 } } });
    const copy = resolveColumn({ prompt: { kind: "draft", text: getPrompt("listing-prefill", 1).text }, modelId: "mock:fixture", temperature: null });
    expect(copy).toMatchObject({ ok: true, column: { label: "draft (unsaved) (same text as listing-prefill@1)" } });
  });
});
