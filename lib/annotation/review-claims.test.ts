import crypto from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { getDb } from "@/lib/db/client";
import { claimNextReviewItem, claimReviewItem, releaseReviewItem } from "@/lib/db/queries/review-claims";
import { updateQueueRules } from "@/lib/db/queries/review-queue";
import { getQueueCounts, listMultiplyLabelledItems } from "@/lib/db/queries/review-reports";
import { aiCalls, reviewItems, user } from "@/lib/db/schema";
import { agreementRate } from "./agreement";
import { recordLabel } from "./labels";
import type { ReviewLabelInput } from "./label-schema";
import { claimNextItem, REVIEW_LEASE_MS } from "./queue";

const T0 = new Date("2026-03-02T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const lease = (now: Date) => ({ now, leaseMs: REVIEW_LEASE_MS });

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller", name: "Sam Seller", email: "sam@example.com" },
    { id: "ann", name: "Ann Reviewer", email: "ann@example.com", role: "admin" },
    { id: "ben", name: "Ben Reviewer", email: "ben@example.com", role: "admin" },
    ...["cat", "dan", "eve", "fin"].map((id) => ({ id, name: id, email: `${id}@example.com`, role: "admin" })),
  ]);
});

beforeEach(async () => {
  const db = await getDb();
  await db.delete(aiCalls);
  // Only the items a test queues itself.
  await updateQueueRules({ sampleShare: 0, thumbsDown: false, heavyEditDistance: null, lowConfidence: false, errors: false, secondReviewShare: 0 }, null);
});

/** Queues `count` answered calls, oldest first; returns the item ids. */
async function queueItems(count: number, labelsWanted = 1): Promise<string[]> {
  const db = await getDb();
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const callId = crypto.randomUUID();
    await db.insert(aiCalls).values({ id: callId, feature: "listing-prefill", userId: "seller", provider: "mock", modelId: "fixture", status: "ok", output: DEFAULT_FIXTURE, latencyMs: 90 });
    const [item] = await db
      .insert(reviewItems)
      .values({ callId, reason: "sample", labelsWanted, createdAt: new Date(T0.getTime() - (count - index) * 1000) })
      .returning();
    ids.push(item.id);
  }
  return ids;
}

function label(itemId: string, values: Partial<ReviewLabelInput> = {}): ReviewLabelInput {
  return {
    itemId,
    category: "Home & Garden",
    title: "Blue ceramic vase",
    priceMin: 1500,
    priceMax: 4000,
    comment: "",
    "verdict-title": "right",
    "verdict-description": "right",
    "verdict-category": "right",
    "verdict-condition": "unsure",
    "verdict-price": "wrong",
    ...values,
  };
}

describe("claiming review items", () => {
  it("never gives two reviewers the same item, even when they ask at the same moment", async () => {
    const items = await queueItems(4);
    const reviewers = ["ann", "ben", "cat", "dan", "eve", "fin"];
    const claims = await Promise.all(reviewers.map((reviewer) => claimNextReviewItem(reviewer, lease(T0))));
    const claimed = claims.filter((claim) => claim !== null);
    // Four items for six reviewers: each item went to exactly one of them, two got nothing.
    expect(claimed.map((claim) => claim.id).sort()).toEqual([...items].sort());
    expect(new Set(claimed.map((claim) => claim.claimedBy)).size).toBe(4);
  });

  it("gives a reviewer back their own claim, and holds one item at a time", async () => {
    const [first, second] = await queueItems(2);
    expect((await claimNextReviewItem("ann", lease(T0)))?.id).toBe(first);
    expect((await claimNextReviewItem("ann", lease(minutes(1))))?.id).toBe(first);
    // Skipping lets go of the first item and takes the second.
    await releaseReviewItem(first, "ann");
    expect((await claimNextReviewItem("ann", lease(minutes(2)), first))?.id).toBe(second);
    expect((await claimNextReviewItem("ben", lease(minutes(2))))?.id).toBe(first);
  });

  it("frees an item when its lease lapses, and the late label is refused", async () => {
    const [item] = await queueItems(1);
    expect((await claimNextReviewItem("ann", lease(T0)))?.id).toBe(item);
    expect(await claimNextReviewItem("ben", lease(minutes(10)))).toBeNull();
    expect(await claimReviewItem(item, "ben", lease(minutes(10)))).toMatchObject({ ok: false, reason: "taken", claimedBy: "ann" });
    // 15 minutes later the lease has lapsed: Ben may take it over.
    expect((await claimNextReviewItem("ben", lease(minutes(16))))?.id).toBe(item);
    expect(await recordLabel("ann", label(item))).toEqual({ ok: false, error: expect.stringMatching(/Another reviewer has this item now/) });
    expect(await recordLabel("ben", label(item))).toEqual({ ok: true, created: true });
    expect(await claimNextReviewItem("ann", lease(minutes(17)))).toBeNull();
  });

  it("asks for a verdict on every suggested field, beside each field", async () => {
    const [item] = await queueItems(1);
    await claimNextReviewItem("ann", lease(T0));
    const result = await recordLabel("ann", label(item, { "verdict-price": undefined, "verdict-title": undefined }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { "verdict-title": [expect.any(String)], "verdict-price": [expect.any(String)] } });
  });

  it("sends an item wanting two labels to a second, different reviewer, then measures their agreement", async () => {
    const [item] = await queueItems(1, 2);
    await claimNextReviewItem("ann", lease(T0));
    expect(await recordLabel("ann", label(item))).toEqual({ ok: true, created: true });
    // Ann is done with it; it waits for someone else.
    expect(await claimNextReviewItem("ann", lease(minutes(1)))).toBeNull();
    expect(await claimReviewItem(item, "ann", lease(minutes(1)))).toEqual({ ok: false, reason: "labelled" });
    expect((await claimNextReviewItem("ben", lease(minutes(1))))?.id).toBe(item);
    expect(await recordLabel("ben", label(item, { category: "Other", "verdict-category": "wrong" }))).toEqual({ ok: true, created: true });
    expect(await claimNextReviewItem("ben", lease(minutes(2)))).toBeNull();
    expect(await claimReviewItem(item, "ben", lease(minutes(2)))).toEqual({ ok: false, reason: "labelled" });
    // A reviewer may still correct their own label.
    expect(await recordLabel("ann", label(item, { comment: "Looks like stoneware" }))).toEqual({ ok: true, created: false });

    const agreement = agreementRate(await listMultiplyLabelledItems());
    expect(agreement.items).toBe(1);
    expect(agreement.category).toMatchObject({ agreed: 0, pairs: 1, rate: 0 });
    expect(agreement.verdicts.title).toEqual({ agreed: 1, pairs: 1, rate: 1 });
    expect(agreement.verdicts.category).toEqual({ agreed: 0, pairs: 1, rate: 0 });
  });

  it("counts what is open for each reviewer", async () => {
    const [first] = await queueItems(3);
    await claimNextReviewItem("ann", lease(T0));
    const counts = await getQueueCounts("ben", lease(minutes(1)));
    expect(counts).toMatchObject({ queued: 3, open: 3, held: 1, openForYou: 2 });
    await recordLabel("ann", label(first));
    expect(await getQueueCounts("ann", lease(minutes(1)))).toMatchObject({ queued: 3, open: 2, held: 0, openForYou: 2 });
  });

  it("fills the queue before claiming the next item", async () => {
    const db = await getDb();
    const callId = crypto.randomUUID();
    await db.insert(aiCalls).values({ id: callId, feature: "listing-prefill", userId: "seller", provider: "mock", modelId: "error", status: "error", latencyMs: 30 });
    await updateQueueRules({ sampleShare: 0, thumbsDown: true, heavyEditDistance: null, lowConfidence: true, errors: true, secondReviewShare: 0 }, null);
    const claimed = await claimNextItem("ann");
    expect(claimed).toMatchObject({ callId, reason: "error", claimedBy: "ann" });
  });
});
