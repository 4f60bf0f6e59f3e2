import { computeImplicitFeedback } from "@/lib/sell/implicit-feedback";
import crypto from "node:crypto";
import { inArray } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { fillReviewQueue } from "@/lib/annotation/queue";
import { getDb } from "@/lib/db/client";
import { aiCalls, listings, reviewItems, reviewQueueRules, user, type NewAiCall } from "@/lib/db/schema";
import { getQueueRules, SAMPLE_SALT, updateQueueRules, type QueueRuleValues } from "./review-queue";

const ALL_OFF: QueueRuleValues = {
  sampleShare: 0,
  thumbsDown: false,
  heavyEditDistance: null,
  lowConfidence: false,
  errors: false,
  secondReviewShare: 0,
  includeSynthetic: false,
};
const CONFIDENT = { ...DEFAULT_FIXTURE, confidence: { title: "high", category: "high", condition: "medium", price: "medium" } };

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values({ id: "seller", name: "Sam Seller", email: "sam@example.com" });
});

beforeEach(async () => {
  // Every test starts from an empty call log and queue, and switches on the rules it checks.
  const db = await getDb();
  await db.delete(listings);
  await db.delete(aiCalls);
  await updateQueueRules(ALL_OFF, null);
});

function callRow(values: Partial<NewAiCall> = {}): NewAiCall {
  return { id: crypto.randomUUID(), feature: "listing-prefill", userId: "seller", provider: "mock", modelId: "fixture", status: "ok", output: CONFIDENT, latencyMs: 120, ...values };
}

async function insertCall(values: Partial<NewAiCall> = {}): Promise<string> {
  const db = await getDb();
  const [call] = await db.insert(aiCalls).values(callRow(values)).returning({ id: aiCalls.id });
  return call.id;
}

async function queued(callIds: string[]): Promise<Record<string, string>> {
  const db = await getDb();
  const rows = await db.select().from(reviewItems).where(inArray(reviewItems.callId, callIds));
  return Object.fromEntries(rows.map((row) => [row.callId, row.reason]));
}

/** The published listing of a call, with the suggestion as the seller was shown it. */
async function publish(callId: string, published: { title: string; description: string }) {
  const db = await getDb();
  const [listing] = await db
    .insert(listings)
    .values({ sellerId: "seller", ...published, category: "Home & Garden", condition: "good", priceCents: 2500, aiCallId: callId, aiSuggestion: DEFAULT_FIXTURE })
    .returning();
  const implicitFeedback = computeImplicitFeedback(DEFAULT_FIXTURE, {
    ...published,
    category: "Home & Garden",
    condition: "good",
    priceCents: 2500,
    details: { brand: "", colour: "", material: "", size: "" },
  });
  await db.update(aiCalls).set({ listingId: listing.id, implicitFeedback }).where(inArray(aiCalls.id, [callId]));
}

describe("fillReviewQueue", () => {
  it("starts from the default rules", async () => {
    const db = await getDb();
    await db.delete(reviewQueueRules);
    expect(await getQueueRules()).toMatchObject({
      sampleShare: 0.05,
      thumbsDown: true,
      heavyEditDistance: 0.5,
      lowConfidence: true,
      errors: true,
      secondReviewShare: 0.1,
      includeSynthetic: false,
    });
  });

  it("queues every thumbs-down of the pre-fill, and nothing of the evaluation runs", async () => {
    await updateQueueRules({ ...ALL_OFF, thumbsDown: true }, null);
    const down = await insertCall({ feedbackRating: -1, feedbackReason: "Wrong price" });
    const up = await insertCall({ feedbackRating: 1 });
    const unrated = await insertCall();
    const evalDown = await insertCall({ feature: "listing-prefill-eval", feedbackRating: -1 });
    expect(await fillReviewQueue()).toBe(1);
    expect(await queued([down, up, unrated, evalDown])).toEqual({ [down]: "thumbs-down" });
  });

  it("leaves synthetic calls (npm run seed:calls) out unless the rules take them in", async () => {
    await updateQueueRules({ ...ALL_OFF, thumbsDown: true }, null);
    const real = await insertCall({ feedbackRating: -1 });
    const synthetic = await insertCall({ feedbackRating: -1, synthetic: true });
    expect(await fillReviewQueue()).toBe(1);
    expect(await queued([real, synthetic])).toEqual({ [real]: "thumbs-down" });
    await updateQueueRules({ ...ALL_OFF, thumbsDown: true, includeSynthetic: true }, null);
    expect(await fillReviewQueue()).toBe(1);
    expect(Object.keys(await queued([synthetic]))).toEqual([synthetic]);
  });

  it("queues errors and invalid answers", async () => {
    await updateQueueRules({ ...ALL_OFF, errors: true }, null);
    const failed = await insertCall({ status: "error", output: null, errorClass: "AI_APICallError" });
    const invalid = await insertCall({ status: "invalid", output: { category: "Pottery" }, errorClass: "TypeValidationError" });
    const fine = await insertCall();
    await fillReviewQueue();
    expect(await queued([failed, invalid, fine])).toEqual({ [failed]: "error", [invalid]: "error" });
  });

  it("queues a retried call once: the retry the seller saw, not the try it replaced", async () => {
    await updateQueueRules({ ...ALL_OFF, errors: true }, null);
    const firstTry = await insertCall({ status: "error", output: null, params: { attempt: 1, retryOf: null } });
    const retry = await insertCall({ status: "error", output: null, params: { attempt: 2, retryOf: firstTry } });
    await fillReviewQueue();
    expect(await queued([firstTry, retry])).toEqual({ [retry]: "error" });
  });

  it("queues answers unsure of any field, whatever shape an invalid answer has", async () => {
    await updateQueueRules({ ...ALL_OFF, lowConfidence: true }, null);
    const unsurePrice = await insertCall({ output: DEFAULT_FIXTURE });
    const unsureTitle = await insertCall({ output: { ...CONFIDENT, confidence: { ...CONFIDENT.confidence, title: "low" } } });
    const sure = await insertCall();
    const odd = await insertCall({ status: "invalid", output: { confidence: "low" } });
    const empty = await insertCall({ status: "error", output: null });
    await fillReviewQueue();
    expect(await queued([unsurePrice, unsureTitle, sure, odd, empty])).toEqual({ [unsurePrice]: "low-confidence", [unsureTitle]: "low-confidence" });
  });

  it("queues publishes whose title or description moved at least the set distance", async () => {
    await updateQueueRules({ ...ALL_OFF, heavyEditDistance: 0.5 }, null);
    const rewritten = await insertCall();
    await publish(rewritten, { title: "Hand-thrown stoneware jug by a local potter", description: DEFAULT_FIXTURE.description });
    const retold = await insertCall();
    await publish(retold, { title: DEFAULT_FIXTURE.title, description: "Lovely jug. Collection only, Galway city." });
    const touched = await insertCall();
    await publish(touched, { title: "Blue ceramic vase, hand-made", description: DEFAULT_FIXTURE.description });
    const kept = await insertCall();
    await publish(kept, { title: DEFAULT_FIXTURE.title, description: DEFAULT_FIXTURE.description });
    const unpublished = await insertCall();
    await fillReviewQueue();
    expect(await queued([rewritten, retold, touched, kept, unpublished])).toEqual({ [rewritten]: "heavy-edit", [retold]: "heavy-edit" });
  });

  it("samples a reproducible share of calls by a hash of their id", async () => {
    await updateQueueRules({ ...ALL_OFF, sampleShare: 0.25 }, null);
    const db = await getDb();
    const rows = Array.from({ length: 400 }, () => callRow());
    await db.insert(aiCalls).values(rows);
    const ids = rows.map((row) => row.id!);
    await fillReviewQueue();
    const sampled = Object.keys(await queued(ids));
    // The same rule computed outside the database: the first 28 bits of md5(salt + id).
    const bucket = (id: string) => parseInt(crypto.createHash("md5").update(SAMPLE_SALT + id).digest("hex").slice(0, 7), 16) / 2 ** 28;
    expect(new Set(sampled)).toEqual(new Set(ids.filter((id) => bucket(id) < 0.25)));
    // 400 draws at 25 %: the count stays within about four standard deviations (±35) of 100.
    expect(sampled.length).toBeGreaterThan(65);
    expect(sampled.length).toBeLessThan(135);
    expect(await queued(ids)).toEqual(Object.fromEntries(sampled.map((id) => [id, "sample"])));
  });

  it("lets a call enter once, naming every rule that matched", async () => {
    await updateQueueRules({ ...ALL_OFF, thumbsDown: true, lowConfidence: true, errors: true, secondReviewShare: 1 }, null);
    const both = await insertCall({ output: DEFAULT_FIXTURE, feedbackRating: -1 });
    expect(await fillReviewQueue()).toBe(1);
    expect(await fillReviewQueue()).toBe(0);
    // A rule that starts matching later does not queue it again.
    await updateQueueRules({ ...ALL_OFF, sampleShare: 1 }, null);
    expect(await fillReviewQueue()).toBe(0);
    const db = await getDb();
    const rows = await db.select().from(reviewItems).where(inArray(reviewItems.callId, [both]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: "thumbs-down, low-confidence", labelsWanted: 2, labelCount: 0 });
  });

  it("asks a second label of the configured share only", async () => {
    await updateQueueRules({ ...ALL_OFF, sampleShare: 1, secondReviewShare: 0 }, null);
    const single = await insertCall();
    await fillReviewQueue();
    const db = await getDb();
    const [row] = await db.select().from(reviewItems).where(inArray(reviewItems.callId, [single]));
    expect(row.labelsWanted).toBe(1);
  });

  it("leaves out calls older than the look-back window", async () => {
    await updateQueueRules({ ...ALL_OFF, thumbsDown: true }, null);
    const old = await insertCall({ feedbackRating: -1, createdAt: new Date(Date.now() - 40 * 24 * 60 * 60_000) });
    await fillReviewQueue();
    expect(await queued([old])).toEqual({});
  });
});
