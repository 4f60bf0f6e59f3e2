import { APICallError } from "ai";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { getAiCallById } from "@/lib/db/queries/ai-calls";
import { user } from "@/lib/db/schema";
import { storeUploadedImage } from "@/lib/images";
import { makeJpeg } from "@/lib/testing/images";
import { analysePhoto, FAILURE_MESSAGES, transientRetryDelay, type AiSettings } from "./analyse-photo";
import type { PrefillFailureReason } from "./prefill-contract";
import { LocalVisionBusyError } from "./local-vision/detector";
import { DEFAULT_FIXTURE } from "./mock-fixtures";
import { waitForRecordedCalls } from "./record-calls";

// The built-in model's queue is tested with the real detector (local-vision/model.test.ts); here
// it is always full, to see what the seller is told.
vi.mock("./local-vision/read-photo", () => ({
  readPhoto: async () => {
    throw new LocalVisionBusyError();
  },
}));

const settings: AiSettings = { AI_MODEL: "mock:fixture", AI_MOCK_MODELS: true, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, AI_TIMEOUT_MS: 3000, AI_FALLBACK: "local:vision" };
let imageId: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller-1", name: "Ana", email: "ana@example.com" },
    { id: "seller-2", name: "Ben", email: "ben@example.com" },
  ]);
  const stored = await storeUploadedImage(await makeJpeg(800, 600), "seller-1");
  if (!stored.ok) throw new Error(stored.error);
  imageId = stored.image.id;
});

describe("analysePhoto with the mock models", () => {
  it("suggests the fixture answer, streams the title before the description, and records the call", async () => {
    const partials: { title?: string; description?: string }[] = [];
    const result = await analysePhoto({ imageIds: [imageId], userId: "seller-1", onPartial: (partial) => partials.push(partial) }, settings);
    expect(result).toMatchObject({ ok: true, suggestion: DEFAULT_FIXTURE, model: { id: "mock:fixture", local: true } });
    const firstWithTitle = partials.find((partial) => partial.title === DEFAULT_FIXTURE.title);
    expect(firstWithTitle?.description ?? "").not.toBe(DEFAULT_FIXTURE.description);

    await waitForRecordedCalls();
    const call = await getAiCallById(result.callId!);
    expect(call).toMatchObject({
      status: "ok",
      feature: "listing-prefill",
      userId: "seller-1",
      modelId: "mock:fixture",
      promptId: "listing-prefill",
      promptVersion: 1,
      imageIds: [imageId],
      output: DEFAULT_FIXTURE,
      costUsd: null,
    });
    expect(call!.firstFieldMs).toBeLessThan(call!.latencyMs);
    expect(call!.inputTokens).toBeGreaterThan(85);
  });

  const failures: [string, PrefillFailureReason, "error" | "invalid"][] = [
    ["mock:timeout", "timeout", "error"],
    ["mock:error", "provider_error", "error"],
    ["mock:rate-limit", "rate_limited", "error"],
    ["mock:invalid-json", "invalid_output", "invalid"],
    ["mock:schema-mismatch", "invalid_output", "invalid"],
    ["mock:refusal", "refusal", "invalid"],
  ];
  it.each(failures)("%s fails with %s and records the call as %s", async (modelId, reason, status) => {
    const result = await analysePhoto({ imageIds: [imageId], userId: "seller-1", modelId }, { ...settings, AI_TIMEOUT_MS: 1000 });
    expect(result).toMatchObject({ ok: false, reason, message: FAILURE_MESSAGES[reason] });
    await waitForRecordedCalls();
    expect(await getAiCallById(result.callId!)).toMatchObject({ status });
  });

  it("retries a provider error once when time allows, recording both tries", async () => {
    const result = await analysePhoto({ imageIds: [imageId], userId: "seller-1", modelId: "mock:error" }, settings);
    expect(result).toMatchObject({ ok: false, reason: "provider_error" });
    await waitForRecordedCalls();
    const retry = await getAiCallById(result.callId!);
    expect(retry).toMatchObject({ status: "error", params: expect.objectContaining({ attempt: 2 }) });
    const first = await getAiCallById((retry!.params as { retryOf: string }).retryOf);
    expect(first).toMatchObject({ status: "error", errorMessage: expect.stringContaining("500") });
  });

  it("stops when the seller's request is aborted", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const startedAt = performance.now();
    const result = await analysePhoto({ imageIds: [imageId], userId: "seller-1", modelId: "mock:timeout", signal: controller.signal }, settings);
    expect(result).toMatchObject({ ok: false, reason: "provider_error" });
    expect(performance.now() - startedAt).toBeLessThan(1000);
  });

  it("is not configured for a mock model when mocks are off (and says why)", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const refused = await analysePhoto({ imageIds: [imageId], userId: "seller-1" }, { ...settings, AI_MOCK_MODELS: false });
    expect(refused).toMatchObject({ ok: false, reason: "not_configured", callId: null, model: null });
    expect(warned).toHaveBeenCalledWith(expect.stringContaining("AI_MOCK_MODELS"));
    warned.mockRestore();
  });

  it("tells the seller to try again when the built-in model's queue is full", async () => {
    const result = await analysePhoto({ imageIds: [imageId], userId: "seller-1", modelId: "local:vision" }, settings);
    expect(result).toMatchObject({ ok: false, reason: "busy", message: FAILURE_MESSAGES.busy, model: { id: "local:vision" } });
    expect(FAILURE_MESSAGES.busy).toMatch(/try again/);
  });

  it("does not read another seller's photo", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await analysePhoto({ imageIds: [imageId], userId: "seller-2" }, settings);
    expect(result).toMatchObject({ ok: false, reason: "photo_not_found", callId: null });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("found none of the photos"), [imageId]);
    logged.mockRestore();
  });
});

describe("transientRetryDelay", () => {
  const error = (statusCode: number, responseHeaders: Record<string, string> = {}) =>
    new APICallError({ message: "x", url: "http://x", requestBodyValues: {}, statusCode, responseHeaders });

  it("honours Retry-After in seconds, as a date, and retry-after-ms", () => {
    expect(transientRetryDelay(error(429, { "retry-after": "2" }))).toBe(2000);
    expect(transientRetryDelay(error(429, { "retry-after-ms": "350", "retry-after": "2" }))).toBe(350);
    const inThreeSeconds = new Date(Date.now() + 3000).toUTCString();
    expect(transientRetryDelay(error(503, { "retry-after": inThreeSeconds }))).toBeGreaterThan(1000);
  });

  it("waits a default second for a 5xx without Retry-After, and never retries invalid input", () => {
    expect(transientRetryDelay(error(502))).toBe(1000);
    expect(transientRetryDelay(error(400))).toBeNull();
    expect(transientRetryDelay(new Error("not from the provider"))).toBeNull();
  });
});
