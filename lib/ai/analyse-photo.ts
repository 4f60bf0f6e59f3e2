import crypto from "node:crypto";
import { APICallError, NoObjectGeneratedError, Output, streamText, type DeepPartial, type LanguageModel, type ModelMessage } from "ai";
import { getImageById } from "@/lib/db/queries/images";
import { isUuid } from "@/lib/db/uuid";
import { env, type Env } from "@/lib/env";
import { readPhotoForModel, type PhotoForModel } from "@/lib/images";
import { createLanguageModel, resolveModelConfig, type AiEnv, type ModelConfig } from "./models";
import { listingSuggestionSchema, type ListingSuggestion } from "./output-schema";
import { getLiveConfig } from "./live-prompt";
import { readerNotesFrom, type ReaderNotes } from "./reader-notes";
import { LocalVisionBusyError } from "./local-vision/detector";
import { PREFILL_FEATURE, type PrefillFailureReason, type PrefillModelInfo } from "./prefill-contract";
import { costUsd } from "./prices";
import { type PromptVersion } from "./prompts";
import { callContextOptions, type CallContext } from "./record-calls";

export type AnalysePhotoInput = {
  /** Stored images (rows in `images`); the first MAX_IMAGES are sent. */
  imageIds: string[];
  userId: string | null;
  /**
   * Whose photos these must be: by default the caller's own (a seller reads only their photos).
   * null accepts any stored photo, for console tools that read sellers' and datasets' photos.
   */
  imageOwnerId?: string | null;
  /** Overrides the configured model, e.g. "mock:timeout" in tests. */
  modelId?: string;
  /** The request's abort signal. */
  signal?: AbortSignal;
  /** Called with the growing answer as fields arrive. */
  onPartial?: (partial: DeepPartial<ListingSuggestion>) => void;
  /** What the call log files this under; evaluation runs use EVAL_FEATURE so they stay out of production figures. */
  feature?: string;
  /** A prompt version to use instead of the live one (evaluations, rollout variants). */
  prompt?: PromptVersion;
  /** The rollout variant serving this call, recorded in the call log (lib/rollout/). */
  variantKey?: string;
  /** Sampling temperature when a variant sets one; otherwise the provider's default. */
  temperature?: number;
};
export type PrefillUsage = { inputTokens: number | null; outputTokens: number | null; costUsd: number | null };
export type AnalysePhotoResult =
  | { ok: true; callId: string; suggestion: ListingSuggestion; model: PrefillModelInfo; usage: PrefillUsage; notes: ReaderNotes | null }
  | { ok: false; callId: string | null; reason: PrefillFailureReason; message: string; model: PrefillModelInfo | null };

/** What analysePhoto reads from the environment; tests pass their own. */
export type AiSettings = AiEnv & Pick<Env, "AI_TIMEOUT_MS" | "AI_FALLBACK">;

export const MAX_IMAGES = 3;
const MAX_OUTPUT_TOKENS = 1200;

// One calm sentence per failure; the seller always continues with the manual form.
export const FAILURE_MESSAGES: Record<PrefillFailureReason, string> = {
  not_configured: "Automatic suggestions aren't switched on here — fill in the details below.",
  photo_not_found: "We couldn't find your photo to read it — add it again, or fill in the details below.",
  timeout: "Reading your photo took too long — fill in the details below.",
  provider_error: "We couldn't read your photo this time — fill in the details below.",
  rate_limited: "Our photo reader is busy right now — fill in the details below.",
  busy: "Our photo reader has too many photos to read right now — try again in a moment, or fill in the details below.",
  invalid_output: "We couldn't make sense of your photo this time — fill in the details below.",
  refusal: "We can't suggest details for this photo — fill in the details below.",
};

/**
 * Reads the seller's photos with the configured model and suggests the listing's fields.
 * Never throws for a model failure: every failure becomes a reason and one calm sentence.
 */
export async function analysePhoto(input: AnalysePhotoInput, settings: AiSettings = env): Promise<AnalysePhotoResult> {
  // The console decides which prompt version (and, optionally, model) serves live traffic.
  const live = input.prompt ? null : await getLiveConfig(PREFILL_FEATURE);
  const prompt = input.prompt ?? live!.prompt;
  const requestedModel = input.modelId ?? live?.modelId ?? undefined;
  const choice = resolveModelConfig(settings, requestedModel);
  if (!choice.ok) {
    // With no configuration the built-in model answers, so this is a mistake in AI_MODEL or the console's choice.
    console.warn(`[ai] ${choice.problem}`);
    return failure("not_configured", null, null);
  }
  const info = modelInfo(choice.config);

  const images = await loadImages(input.imageIds.slice(0, MAX_IMAGES), input.imageOwnerId === undefined ? input.userId : input.imageOwnerId);
  if (images.length === 0) {
    console.error("[ai] analysePhoto found none of the photos", input.imageIds);
    return failure("photo_not_found", null, info);
  }

  const call = (config: ModelConfig, retryOf: string | null) =>
    callModel({ config, settings, input, prompt, images, context: { callId: crypto.randomUUID(), attempt: 1, retryOf } });
  const result = await call(choice.config, null);
  if (result.ok || !shouldFallBack(result.reason, choice.config, settings, input.signal)) return result;

  // The remote model failed: the built-in one answers instead, and the seller is told so.
  const local = resolveModelConfig(settings, settings.AI_FALLBACK);
  if (!local.ok) return result;
  console.warn(`[ai] ${choice.config.id} failed (${result.reason}); answering with ${local.config.id}`);
  const fallback = await call(local.config, result.callId);
  return fallback.ok ? { ...fallback, model: { ...fallback.model, fallbackFrom: info.label } } : result;
}

// The built-in model's first photo includes loading it (a few seconds on a busy machine), and its
// queue already bounds how long a photo waits: a short AI_TIMEOUT_MS meant for a remote model
// must not cut it off.
const LOCAL_MIN_TIMEOUT_MS = 15_000;

// Failures worth a second opinion: the remote call broke or ran out of time. A refusal stands
// (the photo itself is the problem), and a local model has no other machine to fall back from.
const FALLBACK_REASONS: PrefillFailureReason[] = ["timeout", "provider_error", "rate_limited", "invalid_output"];

function shouldFallBack(reason: PrefillFailureReason, config: ModelConfig, settings: AiSettings, callerSignal: AbortSignal | undefined): boolean {
  return settings.AI_FALLBACK !== "none" && !config.local && FALLBACK_REASONS.includes(reason) && !callerSignal?.aborted;
}

type ModelCall = {
  config: ModelConfig;
  settings: AiSettings;
  input: AnalysePhotoInput;
  prompt: PromptVersion;
  images: LoadedImage[];
  /** This call's id, and the call it stands in for (a fallback names the failed call). */
  context: Pick<CallContext, "callId" | "attempt" | "retryOf">;
};

/** One model's answer: a first try and at most one retry, within one time bound. */
async function callModel({ config, settings, input, prompt, images, context }: ModelCall): Promise<AnalysePhotoResult> {
  // One bound for the whole call, the retry and its wait included.
  const timeoutMs = config.provider === "local" ? Math.max(settings.AI_TIMEOUT_MS, LOCAL_MIN_TIMEOUT_MS) : settings.AI_TIMEOUT_MS;
  const deadline = performance.now() + timeoutMs;
  const bound = boundedSignal(timeoutMs, input.signal);
  try {
    return await callModelWithin(bound.signal, deadline, { config, settings, input, prompt, images, context });
  } finally {
    bound.release();
  }
}

/**
 * A signal that aborts after `ms`, or when `caller` does. Held by its own pending timer, not
 * built from AbortSignal.timeout / AbortSignal.any: those signals are only weakly held, so a call
 * that waits on nothing else (a model that never answers) could lose its timeout to the garbage
 * collector and hang for good; this flaked the e2e timeout journey on busy machines.
 */
function boundedSignal(ms: number, caller: AbortSignal | undefined): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException("The model did not answer in time.", "TimeoutError")), ms);
  const onCallerAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener("abort", onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    },
  };
}

async function callModelWithin(signal: AbortSignal, deadline: number, { config, settings, input, prompt, images, context }: ModelCall): Promise<AnalysePhotoResult> {
  const info = modelInfo(config);
  const request: AttemptRequest = {
    model: createLanguageModel(config, settings),
    info,
    prompt,
    images,
    signal,
    callerSignal: input.signal,
    onPartial: input.onPartial,
    temperature: input.temperature,
    context: {
      ...context,
      feature: input.feature ?? PREFILL_FEATURE,
      userId: input.userId,
      promptId: prompt.id,
      promptVersion: prompt.version,
      promptHash: prompt.hash,
      imageIds: images.map((image) => image.id),
      variantKey: input.variantKey ?? null,
    },
  };

  const first = await attempt(request);
  if (first.retryAfterMs === null) return first.result;
  // At most one retry, and only if it can still finish in time after waiting what the provider asked.
  if (deadline - performance.now() - first.retryAfterMs < MIN_RETRY_WINDOW_MS) return first.result;
  if (!(await sleep(first.retryAfterMs, signal))) return failure(reasonFor(signal.reason, signal, input.signal), first.result.callId, info);
  const previous = request.context;
  return (await attempt({ ...request, context: { ...previous, callId: crypto.randomUUID(), attempt: 2, retryOf: previous.callId } })).result;
}

type AttemptRequest = {
  model: LanguageModel;
  info: PrefillModelInfo;
  prompt: PromptVersion;
  images: LoadedImage[];
  signal: AbortSignal;
  callerSignal: AbortSignal | undefined;
  onPartial: AnalysePhotoInput["onPartial"];
  temperature: number | undefined;
  context: CallContext;
};

/** One call to the model. retryAfterMs is set when the failure is transient and nothing reached the seller yet. */
async function attempt(request: AttemptRequest): Promise<{ result: AnalysePhotoResult; retryAfterMs: number | null }> {
  const { info, signal, callerSignal } = request;
  const callId = request.context.callId;
  // streamText reports a failed call through onError and ends the stream instead of throwing.
  let streamError: unknown;
  let partials = 0;
  try {
    const result = streamText({
      model: request.model,
      system: request.prompt.text,
      messages: buildMessages(request.images),
      output: Output.object({ schema: listingSuggestionSchema, name: "listing_suggestion" }),
      maxOutputTokens: MAX_OUTPUT_TOKENS,
      temperature: request.temperature,
      // Retries are ours: the SDK's would not know the overall time bound.
      maxRetries: 0,
      abortSignal: signal,
      providerOptions: callContextOptions(request.context),
      onError: ({ error }) => {
        streamError = error;
      },
    });
    for await (const partial of result.partialOutputStream) {
      partials += 1;
      request.onPartial?.(partial as DeepPartial<ListingSuggestion>);
    }
    if (streamError !== undefined) {
      const retryAfterMs = partials === 0 && !signal.aborted ? transientRetryDelay(streamError) : null;
      return { result: failure(reasonFor(streamError, signal, callerSignal), callId, info), retryAfterMs };
    }
    if ((await result.finishReason) === "content-filter") return { result: failure("refusal", callId, info), retryAfterMs: null };
    const suggestion = await result.output;
    const usage = await result.totalUsage;
    const notes = readerNotesFrom(await result.providerMetadata);
    const inputTokens = usage.inputTokens ?? null;
    const outputTokens = usage.outputTokens ?? null;
    return {
      result: {
        ok: true,
        callId,
        suggestion,
        model: info,
        usage: { inputTokens, outputTokens, costUsd: costUsd(info.id, inputTokens, outputTokens) },
        notes,
      },
      retryAfterMs: null,
    };
  } catch (error) {
    return { result: failure(reasonFor(streamError ?? error, signal, callerSignal), callId, info), retryAfterMs: null };
  }
}

const DEFAULT_RETRY_DELAY_MS = 1000;
// A retry is only worth it with this much time left after the wait.
const MIN_RETRY_WINDOW_MS = 1000;

/** How long to wait before retrying, or null when the error is not worth a retry (e.g. 400 invalid input). */
export function transientRetryDelay(error: unknown): number | null {
  // isRetryable is the provider's verdict: 408, 409, 429, 5xx, and connection failures.
  if (!APICallError.isInstance(error) || !error.isRetryable) return null;
  const headers = error.responseHeaders ?? {};
  const milliseconds = Number(headers["retry-after-ms"]);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const retryAfter = headers["retry-after"];
  if (retryAfter === undefined) return DEFAULT_RETRY_DELAY_MS;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? DEFAULT_RETRY_DELAY_MS : Math.max(0, date - Date.now());
}

/** Waits unless the signal fires first; false when it did. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function failure(reason: PrefillFailureReason, callId: string | null, model: PrefillModelInfo | null): AnalysePhotoResult {
  return { ok: false, callId, reason, message: FAILURE_MESSAGES[reason], model };
}

function modelInfo(config: ModelConfig): PrefillModelInfo {
  return { id: config.id, label: config.label, local: config.local };
}

function reasonFor(error: unknown, signal: AbortSignal, callerSignal: AbortSignal | undefined): PrefillFailureReason {
  if (signal.aborted && !callerSignal?.aborted) return "timeout";
  if (NoObjectGeneratedError.isInstance(error)) return "invalid_output";
  if (APICallError.isInstance(error) && error.statusCode === 429) return "rate_limited";
  if (LocalVisionBusyError.isInstance(error)) return "busy";
  return "provider_error";
}

type LoadedImage = PhotoForModel & { id: string };

async function loadImages(imageIds: string[], ownerId: string | null): Promise<LoadedImage[]> {
  const loaded = await Promise.all(
    imageIds.map(async (id) => {
      const image = isUuid(id) ? await getImageById(id) : null;
      if (!image || (ownerId !== null && image.ownerId !== ownerId)) return null;
      const photo = await readPhotoForModel(image);
      return photo ? { id, ...photo } : null;
    }),
  );
  return loaded.filter((image) => image !== null);
}

function buildMessages(images: LoadedImage[]): ModelMessage[] {
  return [
    {
      role: "user",
      content: [
        { type: "text", text: images.length > 1 ? `${images.length} photos of the item:` : "A photo of the item:" },
        // Low detail: one 512 px tile per photo is enough to name and describe an item, at a fraction of the tokens.
        ...images.map((image) => ({
          type: "image" as const,
          image: image.bytes,
          mediaType: image.mediaType,
          providerOptions: { openai: { imageDetail: "low" } },
        })),
      ],
    },
  ];
}
