import os from "node:os";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysePhoto, type AiSettings } from "@/lib/ai/analyse-photo";
import { priceFromComparables } from "@/lib/ai/comparable-price-lookup";
import { listingSuggestionSchema } from "@/lib/ai/output-schema";
import { waitForRecordedCalls } from "@/lib/ai/record-calls";
import { getDb } from "@/lib/db/client";
import { getAiCallById } from "@/lib/db/queries/ai-calls";
import { user } from "@/lib/db/schema";
import { storeUploadedImage } from "@/lib/images";
import { makeClockJpeg } from "@/lib/testing/images";
import { FRAME_SIZE } from "./frame";
import { detectorProcessId, LocalVisionBusyError, MAX_WAITING, runDetector, stopDetector, warmDetector } from "./detector";
import { createLocalVisionModel } from "./model";

// The real detector: TensorFlow.js and the CenterNet weights from node_modules, in its own
// process, on photos this test draws.

const settings: AiSettings = { AI_MODEL: undefined, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, AI_MOCK_MODELS: false, AI_TIMEOUT_MS: 20_000, AI_FALLBACK: "local:vision" };

async function generate(photo: Buffer) {
  const result = await createLocalVisionModel(priceFromComparables).doGenerate({
    prompt: [{ role: "user", content: [{ type: "file", data: new Uint8Array(photo), mediaType: "image/jpeg" }] }],
  });
  const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("");
  return listingSuggestionSchema.parse(JSON.parse(text));
}

beforeAll(async () => {
  await warmDetector();
}, 60_000);

afterAll(() => stopDetector());

describe("local:vision on a drawn photo", () => {
  it("reads a clock: an answer in the output schema, filed under Home & Garden", async () => {
    const suggestion = await generate(await makeClockJpeg());
    expect(suggestion.category).toBe("Home & Garden");
    expect(suggestion.title).toMatch(/clock$/i);
    expect(suggestion.confidence.category).not.toBe("low");
    expect(suggestion.condition).toBeNull();
  });

  it("abstains on a photo of nothing in particular", async () => {
    const plain = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 60, g: 120, b: 200 } } }).jpeg().toBuffer();
    const suggestion = await generate(plain);
    expect(suggestion).toMatchObject({ title: "", confidence: { category: "low", title: "low" } });
  });

  it("is the default model with no key, and its calls are recorded like any model's", async () => {
    const db = await getDb();
    await db.insert(user).values({ id: "seller-1", name: "Ana", email: "ana@example.com" }).onConflictDoNothing();
    const stored = await storeUploadedImage(await makeClockJpeg(), "seller-1");
    if (!stored.ok) throw new Error(stored.error);
    const result = await analysePhoto({ imageIds: [stored.image.id], userId: "seller-1" }, settings);
    expect(result).toMatchObject({ ok: true, model: { id: "local:vision", local: true }, suggestion: { category: "Home & Garden" } });
    // What it saw and why it left fields come with the answer (provider metadata), for the sell page.
    if (!result.ok) throw new Error(result.message);
    expect(result.notes?.seen[0]).toMatchObject({ item: "a clock" });
    expect(result.notes?.reasons.condition).toBe("condition can't be seen in a photo");
    await waitForRecordedCalls();
    expect(await getAiCallById(result.callId!)).toMatchObject({ status: "ok", provider: "local", modelId: "local:vision", costUsd: null });
  });
});

describe("the detector's queue", () => {
  it(`reads one photo at a time, lets ${MAX_WAITING} wait, and says it is busy past that`, async () => {
    const frame = new Uint8Array(FRAME_SIZE * FRAME_SIZE * 3);
    // The first call is taken by the worker at once; the next MAX_WAITING wait; one more is refused.
    const accepted = Array.from({ length: MAX_WAITING + 1 }, () => runDetector(frame));
    await expect(runDetector(frame)).rejects.toBeInstanceOf(LocalVisionBusyError);
    const outputs = await Promise.all(accepted);
    expect(outputs.every((output) => output.length === 100 * 6)).toBe(true);
  });

  it("drops a waiting photo whose seller has gone", async () => {
    const frame = new Uint8Array(FRAME_SIZE * FRAME_SIZE * 3);
    const controller = new AbortController();
    const first = runDetector(frame);
    const abandoned = runDetector(frame, controller.signal);
    controller.abort(new Error("seller left"));
    await expect(abandoned).rejects.toThrow("seller left");
    await expect(first).resolves.toHaveLength(600);
  });
});

describe("the detector's process", () => {
  it("is a process of its own at a lower CPU priority than the server", async () => {
    await warmDetector();
    const pid = detectorProcessId();
    expect(pid).not.toBeNull();
    expect(pid).not.toBe(process.pid);
    expect(os.getPriority(pid!)).toBeGreaterThan(os.getPriority());
  });

  it("fails the photo it held when it dies, and the next photo starts a fresh one", async () => {
    await warmDetector();
    const frame = new Uint8Array(FRAME_SIZE * FRAME_SIZE * 3);
    const first = detectorProcessId()!;
    const held = runDetector(frame);
    process.kill(first, "SIGKILL");
    await expect(held).rejects.toThrow(/detector process exited/);
    await expect(runDetector(frame)).resolves.toHaveLength(600);
    expect(detectorProcessId()).not.toBe(first);
  }, 60_000);
});
