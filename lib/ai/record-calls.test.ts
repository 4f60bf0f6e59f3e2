import type { LanguageModelV3StreamPart, LanguageModelV3Usage } from "@ai-sdk/provider";
import { APICallError, generateText, Output, simulateReadableStream, streamText, wrapLanguageModel } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import * as aiCallQueries from "@/lib/db/queries/ai-calls";
import { user } from "@/lib/db/schema";
import { DEFAULT_FIXTURE } from "./mock-fixtures";
import { listingSuggestionSchema } from "./output-schema";
import { callContextOptions, recordCallsMiddleware, waitForRecordedCalls, type CallContext } from "./record-calls";

const usage: LanguageModelV3Usage = {
  inputTokens: { total: 1000, noCache: 1000, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 200, text: 200, reasoning: 0 },
};

function context(): CallContext {
  return {
    callId: crypto.randomUUID(),
    feature: "listing-prefill",
    userId: "seller-1",
    promptId: "listing-prefill",
    promptVersion: 1,
    promptHash: "abc123",
    imageIds: [crypto.randomUUID()],
    variantKey: null,
    attempt: 1,
    retryOf: null,
  };
}

function streamingModel(text: string) {
  const chunks: LanguageModelV3StreamPart[] = [
    { type: "text-start", id: "0" },
    { type: "text-delta", id: "0", delta: text.slice(0, 20) },
    { type: "text-delta", id: "0", delta: text.slice(20) },
    { type: "text-end", id: "0" },
    { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
  ];
  return new MockLanguageModelV3({ doStream: async () => ({ stream: simulateReadableStream({ chunks, chunkDelayInMs: 5 }) }) });
}

const wrap = (model: MockLanguageModelV3, modelId: string) =>
  wrapLanguageModel({ model, middleware: recordCallsMiddleware({ modelId, provider: modelId.split(":")[0] }) });

async function recorded(callId: string) {
  await waitForRecordedCalls();
  return aiCallQueries.getAiCallById(callId);
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values({ id: "seller-1", name: "Ana", email: "ana@example.com" });
});

describe("recordCallsMiddleware", () => {
  it("records a streamed valid answer as ok, with the context, tokens, cost and time to first field", async () => {
    const call = context();
    const result = streamText({
      model: wrap(streamingModel(JSON.stringify(DEFAULT_FIXTURE)), "openai:gpt-4o-mini"),
      prompt: "Describe the photo",
      output: Output.object({ schema: listingSuggestionSchema }),
      providerOptions: callContextOptions(call),
    });
    expect(await result.output).toEqual(DEFAULT_FIXTURE);

    const row = await recorded(call.callId);
    expect(row).toMatchObject({
      status: "ok",
      feature: "listing-prefill",
      userId: "seller-1",
      provider: "openai",
      modelId: "openai:gpt-4o-mini",
      promptId: "listing-prefill",
      promptVersion: 1,
      promptHash: "abc123",
      imageIds: call.imageIds,
      rawOutput: JSON.stringify(DEFAULT_FIXTURE),
      output: DEFAULT_FIXTURE,
      inputTokens: 1000,
      outputTokens: 200,
      costUsd: (1000 * 0.15 + 200 * 0.6) / 1_000_000,
      variantKey: null,
      errorClass: null,
      emptyRequiredFields: 0,
    });
    expect(row!.firstFieldMs).not.toBeNull();
    expect(row!.firstFieldMs!).toBeLessThanOrEqual(row!.latencyMs);
  });

  it("counts the required fields a valid answer leaves empty", async () => {
    const call = context();
    const unsure = { ...DEFAULT_FIXTURE, condition: null, priceEur: null };
    const result = streamText({
      model: wrap(streamingModel(JSON.stringify(unsure)), "openai:gpt-4o-mini"),
      prompt: "Describe the photo",
      output: Output.object({ schema: listingSuggestionSchema }),
      providerOptions: callContextOptions(call),
    });
    expect(await result.output).toEqual(unsure);
    expect(await recorded(call.callId)).toMatchObject({ status: "ok", emptyRequiredFields: 2 });
  });

  it("records an answer that breaks the schema as invalid, with the raw text and what was wrong", async () => {
    const call = context();
    const broken = JSON.stringify({ ...DEFAULT_FIXTURE, category: "Pottery" });
    const result = streamText({
      model: wrap(streamingModel(broken), "openai:gpt-4o-mini"),
      prompt: "Describe the photo",
      output: Output.object({ schema: listingSuggestionSchema }),
      providerOptions: callContextOptions(call),
    });
    await expect(result.output).rejects.toThrow();
    expect(await recorded(call.callId)).toMatchObject({
      status: "invalid",
      rawOutput: broken,
      errorClass: "TypeValidationError",
      errorMessage: expect.stringContaining("category"),
      emptyRequiredFields: null,
    });
  });

  it("records a provider error as error, and a model without a price with an unknown cost", async () => {
    const call = context();
    const failing = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new APICallError({ message: "Bad gateway", url: "http://x", requestBodyValues: {}, statusCode: 502 });
      },
    });
    await expect(generateText({ model: wrap(failing, "openai-compatible:llava"), prompt: "x", maxRetries: 0, providerOptions: callContextOptions(call) })).rejects.toThrow();
    expect(await recorded(call.callId)).toMatchObject({ status: "error", errorClass: "AI_APICallError", errorMessage: "502: Bad gateway", costUsd: null, inputTokens: null });

    const generateCall = context();
    const answering = new MockLanguageModelV3({
      doGenerate: async () => ({ content: [{ type: "text", text: JSON.stringify(DEFAULT_FIXTURE) }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] }),
    });
    await generateText({ model: wrap(answering, "openai-compatible:llava"), prompt: "x", providerOptions: callContextOptions(generateCall) });
    expect(await recorded(generateCall.callId)).toMatchObject({ status: "ok", inputTokens: 1000, outputTokens: 200, costUsd: null, firstFieldMs: null });
  });

  it("never lets a failed write reach the caller", async () => {
    const insert = vi.spyOn(aiCallQueries, "insertAiCall").mockRejectedValueOnce(new Error("disk full"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = streamText({
      model: wrap(streamingModel(JSON.stringify(DEFAULT_FIXTURE)), "openai:gpt-4o-mini"),
      prompt: "Describe the photo",
      output: Output.object({ schema: listingSuggestionSchema }),
      providerOptions: callContextOptions(context()),
    });
    expect(await result.output).toEqual(DEFAULT_FIXTURE);
    await waitForRecordedCalls();
    expect(insert).toHaveBeenCalled();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("could not record call"), expect.any(Error));
    insert.mockRestore();
    logged.mockRestore();
  });
});
