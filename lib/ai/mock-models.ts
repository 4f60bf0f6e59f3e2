import crypto from "node:crypto";
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3FinishReason,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { APICallError } from "ai";
import { DEFAULT_FIXTURE, FIXTURES_BY_IMAGE_SHA256 } from "./mock-fixtures";
import type { ListingSuggestion } from "./output-schema";
import { firstImageBytes } from "./prompt-images";

// Deterministic stand-ins for a vision model, selected as mock:<scenario> (only when
// AI_MOCK_MODELS=true). No network: answers come from mock-fixtures.ts and failures are the
// same error objects the OpenAI provider throws, so retries and messages are exercised for real.

export const MOCK_SCENARIOS = [
  "fixture", // the fixture answer for the photo, streamed in chunks
  "instant", // the same answer in one chunk with no delay (the benchmark's zero-latency model)
  "low-confidence", // the fixture answer, unsure of category and price
  "timeout", // never answers; ends only when the call is aborted
  "error", // HTTP 500 from the provider
  "rate-limit", // HTTP 429 with Retry-After: 1
  "invalid-json", // prose instead of JSON
  "schema-mismatch", // JSON that breaks the output schema
  "refusal", // the model declines (content filter)
] as const;

export type MockScenario = (typeof MOCK_SCENARIOS)[number];

export function isMockScenario(name: string): name is MockScenario {
  return (MOCK_SCENARIOS as readonly string[]).includes(name);
}

// Small pauses between chunks so the seller's form visibly fills field by field.
const CHUNK_DELAY_MS = 50;
const CHUNK_COUNT = 8;

type MockAnswer = { text: string; finishReason: LanguageModelV3FinishReason };

export function createMockModel(scenario: MockScenario): LanguageModelV3 {
  return {
    specificationVersion: "v3",
    provider: "mock",
    modelId: scenario,
    supportedUrls: {},
    async doGenerate(options) {
      const answer = await answerFor(scenario, options);
      return {
        content: [{ type: "text", text: answer.text }],
        finishReason: answer.finishReason,
        usage: usageFor(options, answer.text),
        warnings: [],
      };
    },
    async doStream(options) {
      const answer = await answerFor(scenario, options);
      const chunks = scenario === "instant" ? [answer.text] : splitIntoChunks(answer.text, CHUNK_COUNT);
      const delayMs = scenario === "instant" ? 0 : CHUNK_DELAY_MS;
      return { stream: streamChunks(chunks, delayMs, answer.finishReason, usageFor(options, answer.text), options.abortSignal) };
    },
  };
}

async function answerFor(scenario: MockScenario, options: LanguageModelV3CallOptions): Promise<MockAnswer> {
  const stop: LanguageModelV3FinishReason = { unified: "stop", raw: "stop" };
  switch (scenario) {
    case "fixture":
    case "instant":
      return { text: JSON.stringify(fixtureFor(options)), finishReason: stop };
    case "low-confidence": {
      const fixture = fixtureFor(options);
      return { text: JSON.stringify({ ...fixture, confidence: { ...fixture.confidence, category: "low", price: "low" } }), finishReason: stop };
    }
    case "timeout":
      return waitForAbort(options.abortSignal);
    case "error":
      throw providerError(options, 500, { message: "The server had an error while processing your request.", type: "server_error" });
    case "rate-limit":
      throw providerError(options, 429, { message: "Rate limit reached for requests.", type: "requests" }, { "retry-after": "1" });
    case "invalid-json":
      return { text: "Here is your listing: a blue ceramic vase in good condition, about 25 euros.", finishReason: stop };
    case "schema-mismatch":
      return { text: JSON.stringify({ ...fixtureFor(options), category: "Pottery", priceEur: "about twenty euros" }), finishReason: stop };
    case "refusal":
      // What the OpenAI provider reports for a refusal: the refusal as text, finish reason content-filter.
      return { text: "I'm sorry, I can't help with that.", finishReason: { unified: "content-filter", raw: "stop" } };
  }
}

function fixtureFor(options: LanguageModelV3CallOptions): ListingSuggestion {
  const image = firstImageBytes(options);
  const hash = image ? crypto.createHash("sha256").update(image).digest("hex") : null;
  return (hash && FIXTURES_BY_IMAGE_SHA256[hash]) || DEFAULT_FIXTURE;
}

function providerError(options: LanguageModelV3CallOptions, statusCode: number, error: { message: string; type: string }, headers: Record<string, string> = {}) {
  return new APICallError({
    message: error.message,
    url: "mock://api/v1/chat/completions",
    requestBodyValues: { responseFormat: options.responseFormat?.type },
    statusCode,
    responseHeaders: { "content-type": "application/json", ...headers },
    responseBody: JSON.stringify({ error: { ...error, code: null, param: null } }),
  });
}

function waitForAbort(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

function splitIntoChunks(text: string, count: number): string[] {
  const size = Math.ceil(text.length / count);
  return Array.from({ length: Math.ceil(text.length / size) }, (_, index) => text.slice(index * size, (index + 1) * size));
}

function streamChunks(
  chunks: string[],
  delayMs: number,
  finishReason: LanguageModelV3FinishReason,
  usage: LanguageModelV3Usage,
  signal: AbortSignal | undefined,
): ReadableStream<LanguageModelV3StreamPart> {
  const parts: LanguageModelV3StreamPart[] = [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "0" },
    ...chunks.map((delta): LanguageModelV3StreamPart => ({ type: "text-delta", id: "0", delta })),
    { type: "text-end", id: "0" },
    { type: "finish", finishReason, usage },
  ];
  let index = 0;
  return new ReadableStream({
    async pull(controller) {
      if (index > 0 && delayMs > 0 && parts[index].type === "text-delta") await sleep(delayMs, signal);
      if (signal?.aborted) return controller.error(signal.reason);
      controller.enqueue(parts[index++]);
      if (index === parts.length) controller.close();
    },
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

// Rough figures in the shape a real provider reports: about 85 tokens per low-detail image.
function usageFor(options: LanguageModelV3CallOptions, outputText: string): LanguageModelV3Usage {
  let textLength = 0;
  let images = 0;
  for (const message of options.prompt) {
    if (message.role === "system") textLength += message.content.length;
    else for (const part of message.content) {
      if (part.type === "text") textLength += part.text.length;
      else if (part.type === "file") images += 1;
    }
  }
  const input = Math.ceil(textLength / 4) + 85 * images;
  const output = Math.ceil(outputText.length / 4);
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: output, text: output, reasoning: 0 },
  };
}
