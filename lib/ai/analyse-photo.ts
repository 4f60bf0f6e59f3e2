import crypto from "node:crypto";
import { APICallError, NoObjectGeneratedError, Output, streamText, type DeepPartial, type ModelMessage } from "ai";
import { getImageById } from "@/lib/db/queries/images";
import { isUuid } from "@/lib/db/queries/listings";
import { env, type Env } from "@/lib/env";
import { storageFileName } from "@/lib/images";
import { getImageStorage } from "@/lib/images/storage";
import { createLanguageModel, resolveModelConfig, type AiEnv, type ModelConfig } from "./models";
import { listingSuggestionSchema, type ListingSuggestion } from "./output-schema";
import { getPrompt } from "./prompts";
import { callContextOptions, type CallContext } from "./record-calls";

export type PrefillFailureReason = "not_configured" | "timeout" | "provider_error" | "rate_limited" | "invalid_output" | "refusal";
export type PrefillModelInfo = { id: string; label: string; local: boolean };
export type AnalysePhotoInput = {
  /** Stored images (rows in `images`); the first MAX_IMAGES are sent. */
  imageIds: string[];
  userId: string | null;
  /** Overrides the configured model, e.g. "mock:timeout" in tests. */
  modelId?: string;
  /** The request's abort signal. */
  signal?: AbortSignal;
  /** Called with the growing answer as fields arrive. */
  onPartial?: (partial: DeepPartial<ListingSuggestion>) => void;
};
export type AnalysePhotoResult =
  | { ok: true; callId: string; suggestion: ListingSuggestion; model: PrefillModelInfo }
  | { ok: false; callId: string | null; reason: PrefillFailureReason; message: string; model: PrefillModelInfo | null };

/** What analysePhoto reads from the environment; tests pass their own. */
export type AiSettings = AiEnv & Pick<Env, "AI_TIMEOUT_MS">;

export const FEATURE = "listing-prefill";
export const MAX_IMAGES = 3;
const MAX_OUTPUT_TOKENS = 1200;

// One calm sentence per failure; the seller always continues with the manual form.
export const FAILURE_MESSAGES: Record<PrefillFailureReason, string> = {
  not_configured: "Automatic suggestions aren't switched on here — fill in the details below.",
  timeout: "Reading your photo took too long — fill in the details below.",
  provider_error: "We couldn't read your photo this time — fill in the details below.",
  rate_limited: "Our photo reader is busy right now — fill in the details below.",
  invalid_output: "We couldn't make sense of your photo this time — fill in the details below.",
  refusal: "We can't suggest details for this photo — fill in the details below.",
};

/**
 * Reads the seller's photos with the configured model and suggests the listing's fields.
 * Never throws for a model failure: every failure becomes a reason and one calm sentence.
 */
export async function analysePhoto(input: AnalysePhotoInput, settings: AiSettings = env): Promise<AnalysePhotoResult> {
  const choice = resolveModelConfig(settings, input.modelId);
  if (!choice.ok) return failure("not_configured", null, null);
  const config = choice.config;
  const model = modelInfo(config);

  const images = await loadImages(input.imageIds.slice(0, MAX_IMAGES), input.userId);
  if (images.length === 0) {
    console.error("[ai] analysePhoto found none of the photos", input.imageIds);
    return failure("provider_error", null, model);
  }

  const prompt = getPrompt(FEATURE);
  const signal = AbortSignal.any([AbortSignal.timeout(settings.AI_TIMEOUT_MS), ...(input.signal ? [input.signal] : [])]);
  const callId = crypto.randomUUID();
  const context: CallContext = {
    callId,
    feature: FEATURE,
    userId: input.userId,
    promptId: prompt.id,
    promptVersion: prompt.version,
    promptHash: prompt.hash,
    imageIds: images.map((image) => image.id),
    variantKey: null,
    attempt: 1,
    retryOf: null,
  };

  // streamText reports a failed call through onError and ends the stream instead of throwing.
  let streamError: unknown;
  try {
    const result = streamText({
      model: createLanguageModel(config, settings),
      system: prompt.text,
      messages: buildMessages(images),
      output: Output.object({ schema: listingSuggestionSchema, name: "listing_suggestion" }),
      maxOutputTokens: MAX_OUTPUT_TOKENS,
      maxRetries: 0,
      abortSignal: signal,
      providerOptions: callContextOptions(context),
      onError: ({ error }) => {
        streamError = error;
      },
    });
    for await (const partial of result.partialOutputStream) input.onPartial?.(partial as DeepPartial<ListingSuggestion>);
    if (streamError !== undefined) return failure(reasonFor(streamError, signal, input.signal), callId, model);
    if ((await result.finishReason) === "content-filter") return failure("refusal", callId, model);
    const suggestion = await result.output;
    return { ok: true, callId, suggestion, model };
  } catch (error) {
    return failure(reasonFor(streamError ?? error, signal, input.signal), callId, model);
  }
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
  return "provider_error";
}

type LoadedImage = { id: string; bytes: Buffer };

async function loadImages(imageIds: string[], userId: string | null): Promise<LoadedImage[]> {
  const storage = getImageStorage();
  const loaded = await Promise.all(
    imageIds.map(async (id) => {
      const image = isUuid(id) ? await getImageById(id) : null;
      if (!image || (userId !== null && image.ownerId !== userId)) return null;
      const bytes = await storage.get(storageFileName(image.storageKey, "full"));
      return bytes ? { id, bytes } : null;
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
          mediaType: "image/webp",
          providerOptions: { openai: { imageDetail: "low" } },
        })),
      ],
    },
  ];
}
