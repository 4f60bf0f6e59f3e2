import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getAiCallById } from "@/lib/db/queries/ai-calls";
import { user } from "@/lib/db/schema";
import { storageFileName, storeUploadedImage } from "@/lib/images";
import { getImageStorage } from "@/lib/images/storage";
import { makeJpeg } from "@/lib/testing/images";
import { analysePhoto, type AiSettings } from "./analyse-photo";
import { stopDetector } from "./local-vision/detector";
import { DEFAULT_FIXTURE } from "./mock-fixtures";
import { listingSuggestionSchema } from "./output-schema";
import { getPrompt } from "./prompts";
import { waitForRecordedCalls } from "./record-calls";
import { startFakeOpenAIServer, USAGE, type FakeOpenAIServer } from "./testing/fake-openai-server";

// The real @ai-sdk/openai provider against a local server that plays the OpenAI API: what
// Trova sends over the wire, and how it copes with what comes back.

const ANSWER = JSON.stringify(DEFAULT_FIXTURE);
const FIELDS = Object.keys(listingSuggestionSchema.shape).sort();

let server: FakeOpenAIServer;
let settings: AiSettings;
let imageId: string;
let storedWebp: Buffer;

beforeAll(async () => {
  server = await startFakeOpenAIServer({ kind: "answer", text: ANSWER });
  settings = { AI_MODEL: "openai:gpt-4o-mini", OPENAI_API_KEY: "sk-test-key", OPENAI_BASE_URL: server.baseURL, AI_MOCK_MODELS: false, AI_TIMEOUT_MS: 5000, AI_FALLBACK: "none" };
  const db = await getDb();
  await db.insert(user).values({ id: "seller-1", name: "Ana", email: "ana@example.com" });
  const stored = await storeUploadedImage(await makeJpeg(1200, 900), "seller-1");
  if (!stored.ok) throw new Error(stored.error);
  imageId = stored.image.id;
  storedWebp = (await getImageStorage().get(storageFileName(stored.image.storageKey, "full")))!;
});

afterAll(async () => {
  server.close();
  await stopDetector();
});

beforeEach(() => {
  server.requests.length = 0;
  server.replies.length = 0;
});

const prefill = (overrides: Partial<AiSettings> = {}, modelId?: string) =>
  analysePhoto({ imageIds: [imageId], userId: "seller-1", modelId }, { ...settings, ...overrides });

async function recordedCall(callId: string | null) {
  await waitForRecordedCalls();
  return getAiCallById(callId!);
}

type JsonSchema = { type: string; properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };

describe("openai: (responses API)", () => {
  it("sends the photo at low detail, the prompt, a strict JSON schema, the model id and the key", async () => {
    const result = await prefill();
    expect(result).toMatchObject({ ok: true, suggestion: DEFAULT_FIXTURE, model: { id: "openai:gpt-4o-mini", label: "OpenAI gpt-4o-mini", local: false } });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.path).toBe("/v1/responses");
    expect(request.headers.authorization).toBe("Bearer sk-test-key");
    const body = request.body as { model: string; stream: boolean; input: { role: string; content: unknown }[]; text: { format: Record<string, unknown> } };
    expect(body.model).toBe("gpt-4o-mini");
    expect(body.stream).toBe(true);

    expect(body.input[0]).toEqual({ role: "system", content: getPrompt("listing-prefill").text });
    const image = (body.input[1].content as { type: string; image_url?: string; detail?: string }[]).find((part) => part.type === "input_image");
    expect(image?.detail).toBe("low");
    expect(image?.image_url).toBe(`data:image/webp;base64,${storedWebp.toString("base64")}`);

    const format = body.text.format as { type: string; strict: boolean; name: string; schema: JsonSchema };
    expect(format).toMatchObject({ type: "json_schema", strict: true, name: "listing_suggestion" });
    expect(Object.keys(format.schema.properties).sort()).toEqual(FIELDS);
    expect([...format.schema.required].sort()).toEqual(FIELDS);
    expect(format.schema.additionalProperties).toBe(false);
  });

  it("records the call with tokens and its cost", async () => {
    const result = await prefill();
    expect(await recordedCall(result.callId)).toMatchObject({
      status: "ok",
      provider: "openai",
      modelId: "openai:gpt-4o-mini",
      inputTokens: USAGE.input,
      outputTokens: USAGE.output,
      costUsd: (USAGE.input * 0.15 + USAGE.output * 0.6) / 1_000_000,
      rawOutput: ANSWER,
      params: expect.objectContaining({ imageDetail: "low", attempt: 1 }),
    });
  });
});

describe("openai-compatible: (chat completions API)", () => {
  it("sends the photo as an image_url part at low detail with a strict json_schema response format", async () => {
    const result = await prefill({ AI_MODEL: "openai-compatible:llava:13b" });
    expect(result).toMatchObject({ ok: true, suggestion: DEFAULT_FIXTURE, model: { id: "openai-compatible:llava:13b", local: true } });

    const [request] = server.requests;
    expect(request.path).toBe("/v1/chat/completions");
    expect(request.headers.authorization).toBe("Bearer sk-test-key");
    const body = request.body as { model: string; messages: { role: string; content: unknown }[]; response_format: Record<string, unknown> };
    expect(body.model).toBe("llava:13b");
    expect(body.messages[0]).toEqual({ role: "system", content: getPrompt("listing-prefill").text });
    const image = (body.messages[1].content as { type: string; image_url?: { url: string; detail?: string } }[]).find((part) => part.type === "image_url");
    expect(image?.image_url).toEqual({ url: `data:image/webp;base64,${storedWebp.toString("base64")}`, detail: "low" });

    const format = body.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: JsonSchema } };
    expect(format.type).toBe("json_schema");
    expect(format.json_schema).toMatchObject({ name: "listing_suggestion", strict: true });
    expect(Object.keys(format.json_schema.schema.properties).sort()).toEqual(FIELDS);

    // A model nobody priced has an unknown cost, not a zero one.
    expect(await recordedCall(result.callId)).toMatchObject({ status: "ok", modelId: "openai-compatible:llava:13b", inputTokens: USAGE.input, costUsd: null });
  });

  it("reports a refusal", async () => {
    server.replies.push({ kind: "answer", text: "I can't help with that.", refusal: true });
    const result = await prefill({ AI_MODEL: "openai-compatible:llava:13b" });
    expect(result).toMatchObject({ ok: false, reason: "refusal" });
    expect(await recordedCall(result.callId)).toMatchObject({ status: "invalid", errorClass: "Refusal" });
  });
});

describe("failures on the wire", () => {
  it("retries a 500 once and succeeds, recording both tries", async () => {
    server.replies.push({ kind: "status", status: 500 });
    const result = await prefill();
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
    const retry = await recordedCall(result.callId);
    expect(retry).toMatchObject({ status: "ok", params: expect.objectContaining({ attempt: 2 }) });
    const retryOf = (retry!.params as { retryOf: string }).retryOf;
    expect(await getAiCallById(retryOf)).toMatchObject({ status: "error", errorClass: "AI_APICallError", errorMessage: expect.stringContaining("500") });
  });

  it("waits as long as a 429's Retry-After asks before the retry", async () => {
    server.replies.push({ kind: "status", status: 429, headers: { "retry-after": "1" } });
    const result = await prefill();
    expect(result.ok).toBe(true);
    const [first, second] = server.requests;
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
  });

  it("does not retry when Retry-After would outlast the time bound", async () => {
    server.replies.push({ kind: "status", status: 429, headers: { "retry-after": "30" } });
    const startedAt = performance.now();
    const result = await prefill();
    expect(result).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(server.requests).toHaveLength(1);
    expect(performance.now() - startedAt).toBeLessThan(1000);
  });

  it("does not retry invalid input (400)", async () => {
    server.replies.push({ kind: "status", status: 400 });
    const result = await prefill();
    expect(result).toMatchObject({ ok: false, reason: "provider_error" });
    expect(server.requests).toHaveLength(1);
  });

  it("gives up on a hanging server within the time bound", async () => {
    server.replies.push({ kind: "hang" });
    const startedAt = performance.now();
    const result = await prefill({ AI_TIMEOUT_MS: 1500 });
    const elapsed = performance.now() - startedAt;
    expect(result).toMatchObject({ ok: false, reason: "timeout" });
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(2500);
    expect(await recordedCall(result.callId)).toMatchObject({ status: "error", errorClass: "TimeoutError" });
  });

  it("falls back to the built-in local:vision when OpenAI fails, says so, and links the two calls", async () => {
    server.replies.push({ kind: "status", status: 500 }, { kind: "status", status: 500 });
    const result = await prefill({ AI_FALLBACK: "local:vision" });
    expect(result).toMatchObject({ ok: true, model: { id: "local:vision", local: true, fallbackFrom: "OpenAI gpt-4o-mini" } });
    expect(server.requests).toHaveLength(2);
    const fallback = await recordedCall(result.callId);
    expect(fallback).toMatchObject({ status: "ok", modelId: "local:vision" });
    const failed = await getAiCallById((fallback!.params as { retryOf: string }).retryOf);
    expect(failed).toMatchObject({ status: "error", modelId: "openai:gpt-4o-mini", params: expect.objectContaining({ attempt: 2 }) });
  });

  it("falls back after a timeout too, but not after a refusal, and never with AI_FALLBACK=none", async () => {
    server.replies.push({ kind: "hang" });
    expect(await prefill({ AI_FALLBACK: "local:vision", AI_TIMEOUT_MS: 1000 })).toMatchObject({ ok: true, model: { id: "local:vision" } });
    server.replies.push({ kind: "answer", text: "I can't help with that.", refusal: true });
    expect(await prefill({ AI_FALLBACK: "local:vision" })).toMatchObject({ ok: false, reason: "refusal" });
    server.replies.push({ kind: "status", status: 400 });
    expect(await prefill({ AI_FALLBACK: "none" })).toMatchObject({ ok: false, reason: "provider_error" });
  });

  it("reports an answer that is not JSON as invalid output and records it as invalid", async () => {
    server.replies.push({ kind: "answer", text: "A blue vase, maybe 25 euros." });
    const result = await prefill();
    expect(result).toMatchObject({ ok: false, reason: "invalid_output" });
    expect(server.requests).toHaveLength(1);
    expect(await recordedCall(result.callId)).toMatchObject({ status: "invalid", errorClass: "JSONParseError", rawOutput: "A blue vase, maybe 25 euros." });
  });
});
