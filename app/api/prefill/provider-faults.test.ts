import { asc, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FAILURE_MESSAGES } from "@/lib/ai/analyse-photo";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { waitForRecordedCalls } from "@/lib/ai/record-calls";
import { startFakeOpenAIServer, type FakeOpenAIServer, type FakeReply } from "@/lib/ai/testing/fake-openai-server";
import { getDb } from "@/lib/db/client";
import { getImageById } from "@/lib/db/queries/images";
import { aiCalls, user } from "@/lib/db/schema";
import { storeUploadedImage } from "@/lib/images";
import type { PrefillLine } from "@/lib/sell/prefill-lines";
import { makeJpeg } from "@/lib/testing/images";
import { POST } from "./route";

// The sell page's pre-fill against a misbehaving model provider: the real OpenAI provider talks
// to a local server that plays the API and fails on cue. Whatever it does, the seller's request
// ends with one calm `failed` line (the form stays theirs to fill in, the photo stays stored),
// within the time bound, and the call log says what went wrong.

const settings = vi.hoisted(() => ({ baseURL: "", timeoutMs: 2000 }));
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  // Without the fallback to local:vision (tested in lib/ai), so each fault reaches the seller as itself.
  const env = { ...original.env, AI_MODEL: "openai:gpt-4o-mini", OPENAI_API_KEY: "sk-test", AI_MOCK_MODELS: false, AI_FALLBACK: "none" as const };
  // The fake server's port is known only once it listens; the retry cases need a longer bound.
  Object.defineProperty(env, "OPENAI_BASE_URL", { get: () => settings.baseURL, enumerable: true });
  Object.defineProperty(env, "AI_TIMEOUT_MS", { get: () => settings.timeoutMs, enumerable: true });
  return { ...original, env };
});
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => ({ id: "seller" }) }));

const ANSWER = JSON.stringify(DEFAULT_FIXTURE);

let server: FakeOpenAIServer;
let photoId: string;

beforeAll(async () => {
  server = await startFakeOpenAIServer({ kind: "answer", text: ANSWER });
  settings.baseURL = server.baseURL;
  const db = await getDb();
  await db.insert(user).values({ id: "seller", name: "Seller", email: "seller@example.com" });
  const stored = await storeUploadedImage(await makeJpeg(320, 240), "seller");
  if (!stored.ok) throw new Error(stored.error);
  photoId = stored.image.id;
});

afterAll(() => server.close());

beforeEach(() => {
  server.replies.length = 0;
  settings.timeoutMs = 2000;
});

/** A retry happens only when, after waiting what the provider asked, a second try can still finish in time. */
function allowRetries() {
  settings.timeoutMs = 6000;
}

let requestCount = 0;

/** One pre-fill as the sell page asks for it; returns every line and the calls it recorded. */
async function prefill(...replies: FakeReply[]) {
  server.replies.push(...replies);
  const db = await getDb();
  const before = new Set((await db.select({ id: aiCalls.id }).from(aiCalls)).map((row) => row.id));
  requestCount += 1;
  const request = new NextRequest("http://localhost/api/prefill", {
    method: "POST",
    body: JSON.stringify({ imageIds: [photoId] }),
    // A fresh address each time keeps the per-IP limit out of the way.
    headers: { "content-type": "application/json", "x-forwarded-for": `192.0.2.${requestCount}` },
  });
  const response = await POST(request);
  const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as PrefillLine);
  await waitForRecordedCalls();
  const calls = (await db.select().from(aiCalls).orderBy(asc(aiCalls.createdAt))).filter((call) => !before.has(call.id));
  return { status: response.status, lines, last: lines.at(-1)!, calls };
}

async function photoStillThere() {
  expect(await getImageById(photoId)).toMatchObject({ ownerId: "seller", listingId: null });
}

describe("the pre-fill when the provider misbehaves", () => {
  it("hangs after the first byte: gives up at the time bound, recorded as a timeout", async () => {
    const { status, last, calls } = await prefill({ kind: "hang" });
    expect(status).toBe(200);
    expect(last).toEqual({ type: "failed", reason: "timeout", message: FAILURE_MESSAGES.timeout, model: expect.objectContaining({ id: "openai:gpt-4o-mini" }) });
    expect(calls).toMatchObject([{ status: "error", errorClass: "TimeoutError" }]);
    await photoStillThere();
  });

  it("streams too slowly: what arrived was shown, then it stops at the time bound", async () => {
    const { lines, last, calls } = await prefill({ kind: "slow", text: ANSWER, delayMs: 450 });
    expect(lines.some((line) => line.type === "partial")).toBe(true);
    expect(last).toMatchObject({ type: "failed", reason: "timeout", message: FAILURE_MESSAGES.timeout });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ status: "error", errorClass: "TimeoutError" });
    // The log keeps what the model had said when it was cut off.
    expect(ANSWER.startsWith(calls[0].rawOutput ?? "")).toBe(true);
    expect(calls[0].rawOutput?.length).toBeGreaterThan(0);
  });

  it("streams slowly but in time: the suggestion arrives", async () => {
    const { last, calls } = await prefill({ kind: "slow", text: ANSWER, delayMs: 60 });
    expect(last).toMatchObject({ type: "done", suggestion: DEFAULT_FIXTURE });
    expect(calls).toMatchObject([{ status: "ok" }]);
  });

  it("answers 429 with a short Retry-After: waits, retries once, and both tries are recorded", async () => {
    allowRetries();
    const { last, calls } = await prefill({ kind: "status", status: 429, headers: { "retry-after": "1" } });
    expect(last).toMatchObject({ type: "done", suggestion: DEFAULT_FIXTURE });
    expect(calls).toMatchObject([
      { status: "error", errorClass: "AI_APICallError", errorMessage: expect.stringContaining("429") },
      { status: "ok", params: expect.objectContaining({ attempt: 2, retryOf: calls[0].id }) },
    ]);
  });

  it("answers 429 asking for longer than the time bound: no retry, the seller is told the reader is busy", async () => {
    const { last, calls } = await prefill({ kind: "status", status: 429, headers: { "retry-after": "60" } });
    expect(last).toMatchObject({ type: "failed", reason: "rate_limited", message: FAILURE_MESSAGES.rate_limited });
    expect(calls).toMatchObject([{ status: "error", errorMessage: expect.stringContaining("429") }]);
    await photoStillThere();
  });

  it("answers 500 twice: one retry, then a calm failure, both recorded as errors", async () => {
    allowRetries();
    const { last, calls } = await prefill({ kind: "status", status: 500 }, { kind: "status", status: 500 });
    expect(last).toMatchObject({ type: "failed", reason: "provider_error", message: FAILURE_MESSAGES.provider_error });
    expect(calls).toMatchObject([
      { status: "error", errorMessage: expect.stringContaining("500"), params: expect.objectContaining({ attempt: 1 }) },
      { status: "error", errorMessage: expect.stringContaining("500"), params: expect.objectContaining({ attempt: 2 }) },
    ]);
  });

  it("answers with JSON cut off half way: invalid output, the raw text kept in the log", async () => {
    const broken = ANSWER.slice(0, 40);
    const { last, calls } = await prefill({ kind: "answer", text: broken });
    expect(last).toMatchObject({ type: "failed", reason: "invalid_output", message: FAILURE_MESSAGES.invalid_output });
    expect(calls).toMatchObject([{ status: "invalid", errorClass: "JSONParseError", rawOutput: broken }]);
  });

  it("answers with JSON that breaks the schema: invalid output, with what was wrong", async () => {
    const wrong = JSON.stringify({ ...DEFAULT_FIXTURE, category: "Pottery", priceEur: "about twenty euros" });
    const { last, calls } = await prefill({ kind: "answer", text: wrong });
    expect(last).toMatchObject({ type: "failed", reason: "invalid_output" });
    expect(calls).toMatchObject([{ status: "invalid", errorClass: "TypeValidationError", errorMessage: expect.stringContaining("category") }]);
  });

  it("refuses: the seller is told no suggestion can be made, recorded as a refusal", async () => {
    const { last, calls } = await prefill({ kind: "answer", text: "I can't help with that.", refusal: true });
    expect(last).toMatchObject({ type: "failed", reason: "refusal", message: FAILURE_MESSAGES.refusal });
    expect(calls).toMatchObject([{ status: "invalid", errorClass: "Refusal" }]);
  });

  it("sends a stream that is not JSON at all: a calm failure, recorded as an error", async () => {
    const { last, calls } = await prefill({ kind: "garbage" });
    expect(last).toMatchObject({ type: "failed", message: expect.stringMatching(/fill in the details below/) });
    expect(calls).toHaveLength(1);
    expect(calls[0].status).not.toBe("ok");
  });

  it("is not there at all (connection refused): a calm failure, recorded as an error", async () => {
    const address = settings.baseURL;
    settings.baseURL = "http://127.0.0.1:9/v1";
    try {
      const { last, calls } = await prefill();
      expect(last).toMatchObject({ type: "failed", reason: "provider_error", message: FAILURE_MESSAGES.provider_error });
      expect(calls.length).toBeGreaterThanOrEqual(1);
      expect(calls.every((call) => call.status === "error")).toBe(true);
    } finally {
      settings.baseURL = address;
    }
  });

  it("leaves the photo and its files alone through all of it", async () => {
    await photoStillThere();
    const db = await getDb();
    const recorded = await db.select().from(aiCalls).where(eq(aiCalls.userId, "seller"));
    expect(recorded.every((call) => call.imageIds.includes(photoId))).toBe(true);
  });
});
