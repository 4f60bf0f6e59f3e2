import type { LanguageModelV3CallOptions } from "@ai-sdk/provider";

/** The bytes of the first image in a call's user messages (models that run here read the photo themselves). */
export function firstImageBytes(options: LanguageModelV3CallOptions): Uint8Array | null {
  for (const message of options.prompt) {
    if (message.role !== "user") continue;
    for (const part of message.content) {
      if (part.type !== "file" || !part.mediaType.startsWith("image/")) continue;
      if (part.data instanceof Uint8Array) return part.data;
      if (typeof part.data === "string") return Buffer.from(part.data, "base64");
    }
  }
  return null;
}
