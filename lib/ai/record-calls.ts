import crypto from "node:crypto";
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3Middleware,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
  SharedV3ProviderOptions,
} from "@ai-sdk/provider";
import { APICallError } from "ai";
import type { z } from "zod";
import { insertAiCall } from "@/lib/db/queries/ai-calls";
import type { NewAiCall } from "@/lib/db/schema";
import { countEmptyRequiredFields, listingSuggestionSchema, type ListingSuggestion } from "./output-schema";
import { costUsd } from "./prices";

// Every call to a registry model is recorded in ai_calls by this middleware, whatever code path
// made it. The caller's context (feature, user, prompt, photos, call id) travels in the call's
// providerOptions under CALL_CONTEXT_KEY: the documented way to hand per-request metadata to a
// middleware, explicit at the call site, and ignored by the providers themselves (they read
// only their own key, e.g. "openai"). It holds ids and numbers only, never the photo itself.

export const CALL_CONTEXT_KEY = "trovaCall";

export type CallContext = {
  /** The ai_calls row id; the caller generates it so it can return it before the row is written. */
  callId: string;
  feature: string;
  userId: string | null;
  promptId: string | null;
  promptVersion: number | null;
  promptHash: string | null;
  imageIds: string[];
  variantKey: string | null;
  /** 1 for the first try; 2 for the retry after a transient error, which names the try it repeats. */
  attempt: number;
  retryOf: string | null;
};

export function callContextOptions(context: CallContext): SharedV3ProviderOptions {
  return { [CALL_CONTEXT_KEY]: context };
}

// How a feature's answer is checked, so that the row says ok or invalid whichever code path made
// the call, and how many required fields a valid answer left empty. A feature missing here is
// recorded ok when it answers at all.
type OutputCheck = { schema: z.ZodType; emptyRequiredFields: (output: unknown) => number };
const listingCheck: OutputCheck = {
  schema: listingSuggestionSchema,
  // Only called with what the schema has just accepted.
  emptyRequiredFields: (output) => countEmptyRequiredFields(output as ListingSuggestion),
};
const OUTPUT_CHECKS: Record<string, OutputCheck> = {
  "listing-prefill": listingCheck,
  "listing-prefill-eval": listingCheck,
  playground: listingCheck,
};

type Observed = {
  text: string;
  finishReason: LanguageModelV3FinishReason | null;
  usage: LanguageModelV3Usage | null;
  error: unknown;
  firstFieldMs: number | null;
};

export function recordCallsMiddleware(model: { modelId: string; provider: string }): LanguageModelV3Middleware {
  return {
    specificationVersion: "v3",

    async wrapGenerate({ doGenerate, params }) {
      const startedAt = performance.now();
      try {
        const result = await doGenerate();
        const observed = { text: textOf(result.content), finishReason: result.finishReason, usage: result.usage, error: null, firstFieldMs: null };
        recordInBackground(buildRow(model, params, observed, performance.now() - startedAt));
        return result;
      } catch (error) {
        const observed = { text: "", finishReason: null, usage: null, error, firstFieldMs: null };
        recordInBackground(buildRow(model, params, observed, performance.now() - startedAt));
        throw error;
      }
    },

    async wrapStream({ doStream, params }) {
      const startedAt = performance.now();
      const observed: Observed = { text: "", finishReason: null, usage: null, error: null, firstFieldMs: null };
      let recorded = false;
      const finish = (error?: unknown) => {
        if (recorded) return;
        recorded = true;
        if (error !== undefined) observed.error = error;
        recordInBackground(buildRow(model, params, observed, performance.now() - startedAt));
      };

      let result;
      try {
        result = await doStream();
      } catch (error) {
        finish(error);
        throw error;
      }
      // A hand-written pass-through rather than a TransformStream: it sees the source failing and
      // the consumer cancelling too, so an aborted or broken stream is still recorded.
      const reader = result.stream.getReader();
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async pull(controller) {
          let chunk: ReadableStreamReadResult<LanguageModelV3StreamPart>;
          try {
            chunk = await reader.read();
          } catch (error) {
            finish(error);
            controller.error(error);
            return;
          }
          if (chunk.done) {
            controller.close();
            finish();
            return;
          }
          observe(chunk.value, observed, startedAt);
          controller.enqueue(chunk.value);
          if (chunk.value.type === "error") finish(chunk.value.error);
        },
        async cancel(reason) {
          finish(reason ?? new DOMException("The stream was cancelled.", "AbortError"));
          await reader.cancel(reason);
        },
      });
      return { ...result, stream };
    },
  };
}

function observe(part: LanguageModelV3StreamPart, observed: Observed, startedAt: number) {
  if (part.type === "text-delta") {
    observed.text += part.delta;
    if (observed.firstFieldMs === null && FIRST_FIELD_STARTED.test(observed.text)) {
      observed.firstFieldMs = performance.now() - startedAt;
    }
  } else if (part.type === "finish") {
    observed.finishReason = part.finishReason;
    observed.usage = part.usage;
  }
}

// The answer has reached the first field's value: `{"title":"B` (what a seller sees appear first).
const FIRST_FIELD_STARTED = /^\s*\{\s*"(?:[^"\\]|\\.)*"\s*:\s*(?:"(?:[^"\\]|\\.)|[^\s"])/;

function textOf(content: LanguageModelV3Content[]): string {
  return content.map((part) => (part.type === "text" ? part.text : "")).join("");
}

function contextOf(params: LanguageModelV3CallOptions): CallContext | null {
  return (params.providerOptions?.[CALL_CONTEXT_KEY] as CallContext | undefined) ?? null;
}

type Verdict = Pick<NewAiCall, "status" | "output" | "errorClass" | "errorMessage" | "emptyRequiredFields">;

function judge(observed: Observed, feature: string): Verdict {
  if (observed.error != null) return { status: "error", output: null, ...describeError(observed.error) };
  if (observed.finishReason?.unified === "content-filter") {
    return { status: "invalid", output: null, errorClass: "Refusal", errorMessage: observed.text.slice(0, 500) || "The model declined to answer." };
  }
  const check = OUTPUT_CHECKS[feature];
  let parsed: unknown;
  try {
    parsed = JSON.parse(observed.text);
  } catch (error) {
    if (!check) return { status: "ok", output: null, errorClass: null, errorMessage: null };
    return { status: "invalid", output: null, errorClass: "JSONParseError", errorMessage: (error as Error).message };
  }
  if (!check) return { status: "ok", output: parsed, errorClass: null, errorMessage: null };
  const validated = check.schema.safeParse(parsed);
  if (validated.success) {
    return { status: "ok", output: validated.data, errorClass: null, errorMessage: null, emptyRequiredFields: check.emptyRequiredFields(validated.data) };
  }
  const problems = validated.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  return { status: "invalid", output: parsed, errorClass: "TypeValidationError", errorMessage: problems.join("; ") };
}

function describeError(error: unknown): { errorClass: string; errorMessage: string } {
  if (APICallError.isInstance(error)) {
    return { errorClass: error.name, errorMessage: `${error.statusCode ?? "no status"}: ${error.message}`.slice(0, 1000) };
  }
  if (error instanceof Error || error instanceof DOMException) return { errorClass: error.name, errorMessage: error.message.slice(0, 1000) };
  return { errorClass: "Unknown", errorMessage: String(error).slice(0, 1000) };
}

function buildRow(model: { modelId: string; provider: string }, params: LanguageModelV3CallOptions, observed: Observed, latencyMs: number): NewAiCall {
  const context = contextOf(params);
  const feature = context?.feature ?? "unknown";
  const inputTokens = observed.usage?.inputTokens.total ?? null;
  const outputTokens = observed.usage?.outputTokens.total ?? null;
  return {
    id: context?.callId ?? crypto.randomUUID(),
    feature,
    userId: context?.userId ?? null,
    provider: model.provider,
    modelId: model.modelId,
    promptId: context?.promptId ?? null,
    promptVersion: context?.promptVersion ?? null,
    promptHash: context?.promptHash ?? null,
    params: {
      maxOutputTokens: params.maxOutputTokens ?? null,
      temperature: params.temperature ?? null,
      responseFormat: params.responseFormat?.type ?? "text",
      imageDetail: imageDetailOf(params),
      attempt: context?.attempt ?? 1,
      retryOf: context?.retryOf ?? null,
    },
    imageIds: context?.imageIds ?? [],
    rawOutput: observed.text || null,
    ...judge(observed, feature),
    latencyMs: Math.round(latencyMs),
    firstFieldMs: observed.firstFieldMs === null ? null : Math.round(observed.firstFieldMs),
    inputTokens,
    outputTokens,
    costUsd: costUsd(model.modelId, inputTokens, outputTokens),
    variantKey: context?.variantKey ?? null,
  };
}

function imageDetailOf(params: LanguageModelV3CallOptions): string | null {
  for (const message of params.prompt) {
    if (message.role !== "user") continue;
    for (const part of message.content) {
      const detail = part.type === "file" ? part.providerOptions?.openai?.imageDetail : undefined;
      if (typeof detail === "string") return detail;
    }
  }
  return null;
}

// Writes happen off the seller's request path: scheduled after the answer has been handed on, and
// a failed write is logged, never thrown at the caller.
const pendingWrites = new Set<Promise<void>>();

function recordInBackground(row: NewAiCall) {
  const write = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => insertAiCall(row))
    .catch((error) => console.error(`[ai] could not record call ${row.id} (${row.feature}, ${row.modelId}):`, error))
    .finally(() => pendingWrites.delete(write));
  pendingWrites.add(write);
}

/** Resolves once every call recorded so far is written (tests, scripts that exit). */
export async function waitForRecordedCalls(): Promise<void> {
  while (pendingWrites.size > 0) await Promise.all([...pendingWrites]);
}
