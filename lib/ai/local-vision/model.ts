import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3FinishReason,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import type { SharedV3ProviderMetadata } from "@ai-sdk/provider";
import { READER_NOTES_METADATA } from "../reader-notes";
import { readPhoto } from "./read-photo";
import type { PriceLookup } from "./suggestion";
import { firstImageBytes } from "../prompt-images";

// local:vision behind the AI SDK's language-model interface, so the sell flow, the call log and
// the evaluations use it like any hosted model. It reads the first photo in the prompt and
// answers with the listing-suggestion JSON; the prompt's text is for language models and is
// not read (the call log still records which prompt version the call carried).

export const LOCAL_VISION_MODEL_ID = "local:vision";

const STOP: LanguageModelV3FinishReason = { unified: "stop", raw: undefined };
// A detector reads no tokens and writes none; the figures are unknown, not zero.
const NO_USAGE: LanguageModelV3Usage = {
  inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};

/** `lookUpPrice` prices what the photo shows; the caller supplies it (the registry: from comparable listings). */
export function createLocalVisionModel(lookUpPrice: PriceLookup): LanguageModelV3 {
  return {
    specificationVersion: "v3",
    provider: "local",
    modelId: "vision",
    // Trova hands photos over as bytes; the model itself never fetches anything.
    supportedUrls: {},
    async doGenerate(options) {
      const { text, providerMetadata } = await answer(options, lookUpPrice);
      return { content: [{ type: "text", text }], finishReason: STOP, usage: NO_USAGE, providerMetadata, warnings: [] };
    },
    async doStream(options) {
      const { text, providerMetadata } = await answer(options, lookUpPrice);
      // The whole answer is ready at once: one delta, like a fast model.
      const parts: LanguageModelV3StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "text-start", id: "0" },
        { type: "text-delta", id: "0", delta: text },
        { type: "text-end", id: "0" },
        { type: "finish", finishReason: STOP, usage: NO_USAGE, providerMetadata },
      ];
      return {
        stream: new ReadableStream({
          start(controller) {
            for (const part of parts) controller.enqueue(part);
            controller.close();
          },
        }),
      };
    },
  };
}

// What it saw and why it held back travel beside the answer, as provider metadata (reader-notes.ts).
async function answer(options: LanguageModelV3CallOptions, lookUpPrice: PriceLookup): Promise<{ text: string; providerMetadata: SharedV3ProviderMetadata }> {
  const photo = firstImageBytes(options);
  if (!photo) throw new Error("local:vision needs a photo in the prompt.");
  const { suggestion, notes } = await readPhoto(photo, options.abortSignal, lookUpPrice);
  return { text: JSON.stringify(suggestion), providerMetadata: { [READER_NOTES_METADATA.provider]: { [READER_NOTES_METADATA.key]: notes } } };
}
