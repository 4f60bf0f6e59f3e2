import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { normaliseImage } from "@/lib/images/normalise";
import { makeJpeg, makePng } from "@/lib/testing/images";
import { DEFAULT_FIXTURE, FIXTURES_BY_IMAGE_SHA256 } from "./mock-fixtures";
import { createMockModel } from "./mock-models";

function callWithImage(bytes: Uint8Array, abortSignal?: AbortSignal): LanguageModelV3CallOptions {
  return {
    prompt: [
      { role: "system", content: "Describe the item." },
      { role: "user", content: [{ type: "text", text: "A photo:" }, { type: "file", data: bytes, mediaType: "image/webp" }] },
    ],
    abortSignal,
  };
}

async function readAll(stream: ReadableStream<LanguageModelV3StreamPart>): Promise<LanguageModelV3StreamPart[]> {
  const parts: LanguageModelV3StreamPart[] = [];
  const reader = stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parts.push(chunk.value);
  return parts;
}

async function streamedText(stream: ReadableStream<LanguageModelV3StreamPart>): Promise<string> {
  return (await readAll(stream)).map((part) => (part.type === "text-delta" ? part.delta : "")).join("");
}

describe("mock models", () => {
  it("answer with the fixture keyed by the hash of the stored photo, else the default fixture", async () => {
    const model = createMockModel("fixture");
    const known = await normaliseImage(await makePng());
    const knownAnswer = JSON.parse(await streamedText((await model.doStream(callWithImage(known.full))).stream));
    expect(Object.values(FIXTURES_BY_IMAGE_SHA256)).toContainEqual(knownAnswer);
    expect(knownAnswer).not.toEqual(DEFAULT_FIXTURE);

    const other = await normaliseImage(await makeJpeg(300, 200));
    expect(JSON.parse(await streamedText((await model.doStream(callWithImage(other.full))).stream))).toEqual(DEFAULT_FIXTURE);
  });

  it("stream the answer in several chunks and generate the same answer whole", async () => {
    const model = createMockModel("fixture");
    const call = callWithImage(new Uint8Array([1, 2, 3]));
    const parts = await readAll((await model.doStream(call)).stream);
    expect(parts.filter((part) => part.type === "text-delta").length).toBeGreaterThan(4);
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: { unified: "stop" } });

    const generated = await model.doGenerate(call);
    expect(generated.content).toEqual([{ type: "text", text: JSON.stringify(DEFAULT_FIXTURE) }]);
    expect(generated.usage.inputTokens.total).toBeGreaterThan(85);
  });

  it("fail like the OpenAI provider: 500, and 429 with Retry-After", async () => {
    const call = callWithImage(new Uint8Array([1]));
    const serverError = await createMockModel("error").doStream(call).then(() => null, (error: unknown) => error);
    expect(APICallError.isInstance(serverError) && serverError).toMatchObject({ statusCode: 500, isRetryable: true });
    const rateLimited = await createMockModel("rate-limit").doGenerate(call).then(() => null, (error: unknown) => error);
    expect(APICallError.isInstance(rateLimited) && rateLimited).toMatchObject({ statusCode: 429, responseHeaders: { "retry-after": "1" } });
  });

  it("hang until the call is aborted", async () => {
    const controller = new AbortController();
    const pending = createMockModel("timeout").doStream(callWithImage(new Uint8Array([1]), controller.signal));
    const outcome = await Promise.race([pending.then(() => "answered", () => "failed"), new Promise((resolve) => setTimeout(resolve, 100, "waiting"))]);
    expect(outcome).toBe("waiting");
    controller.abort(new DOMException("stopped", "AbortError"));
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("script a refusal and broken answers", async () => {
    const call = callWithImage(new Uint8Array([1]));
    const refusal = await createMockModel("refusal").doGenerate(call);
    expect(refusal.finishReason.unified).toBe("content-filter");
    const prose = await createMockModel("invalid-json").doGenerate(call);
    expect(() => JSON.parse((prose.content[0] as { text: string }).text)).toThrow();
    const mismatch = await createMockModel("schema-mismatch").doGenerate(call);
    expect(JSON.parse((mismatch.content[0] as { text: string }).text)).toMatchObject({ category: "Pottery" });
  });
});
