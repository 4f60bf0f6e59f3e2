import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { getPrompt } from "@/lib/ai/prompts";
import { getDb } from "@/lib/db/client";
import { claimReviewItem } from "@/lib/db/queries/review-claims";
import { getReviewItemDetails } from "@/lib/db/queries/review-reports";
import { aiCalls, images, reviewItems, user } from "@/lib/db/schema";
import { analyseForEval } from "@/lib/evals/analyse";
import { importFolderDataset, loadStoredDataset } from "@/lib/evals/dataset-store";
import { runEval } from "@/lib/evals/runner";
import { deleteImageFiles, storeUploadedImage } from "@/lib/images";
import { writeGeneratedDataset } from "@/lib/testing/eval-dataset";
import { makeJpeg } from "@/lib/testing/images";
import { recordLabel } from "./labels";
import { caseIdForCall, promoteLabel } from "./promote";
import { REVIEW_LEASE_MS } from "./queue";

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller", name: "Sam Seller", email: "sam@example.com" },
    { id: "ann", name: "Ann Reviewer", email: "ann@example.com", role: "admin" },
  ]);
});

/** A seller's upload, a pre-fill call on it, queued and labelled by Ann; returns the call and label ids. */
async function reviewedCall(photo: Buffer, title = "Blue stoneware vase") {
  const db = await getDb();
  const stored = await storeUploadedImage(photo, "seller");
  if (!stored.ok) throw new Error(stored.error);
  const callId = crypto.randomUUID();
  await db.insert(aiCalls).values({
    id: callId,
    feature: "listing-prefill",
    userId: "seller",
    provider: "mock",
    modelId: "fixture",
    status: "ok",
    output: DEFAULT_FIXTURE,
    imageIds: [stored.image.id],
    latencyMs: 80,
  });
  const [item] = await db.insert(reviewItems).values({ callId, reason: "thumbs-down" }).returning();
  await claimReviewItem(item.id, "ann", { now: new Date(), leaseMs: REVIEW_LEASE_MS });
  const saved = await recordLabel("ann", {
    itemId: item.id,
    category: "Home & Garden",
    title,
    priceMin: 1500,
    priceMax: 4000,
    comment: "",
    "verdict-title": "wrong",
    "verdict-description": "right",
    "verdict-category": "right",
    "verdict-condition": "right",
    "verdict-price": "wrong",
  });
  expect(saved.ok).toBe(true);
  const details = await getReviewItemDetails(item.id);
  return { callId, labelId: details!.labels[0].label.id, image: stored.image };
}

describe("promoteLabel", () => {
  it("adds the reviewed call as a case in a new version, with its photo and the reviewer's labels", async () => {
    const { callId, labelId, image } = await reviewedCall(await makeJpeg(640, 480));
    const result = await promoteLabel({ labelId, dataset: "reviewed", keywords: ["vase", "stoneware"] });
    expect(result).toEqual({ ok: true, dataset: "reviewed", version: 1, caseId: caseIdForCall(callId), caseCount: 1 });

    const stored = await loadStoredDataset("reviewed");
    expect(stored?.cases).toEqual([
      expect.objectContaining({
        id: caseIdForCall(callId),
        file: `${caseIdForCall(callId)}.webp`,
        category: "Home & Garden",
        accept: [],
        item: "Blue stoneware vase",
        keywords: ["vase", "stoneware"],
        price_eur: { min: 15, max: 40 },
      }),
    ]);
    // The dataset holds its own copy of the stored (EXIF-stripped) photo, not the seller's.
    const db = await getDb();
    const [copy] = await db.select().from(images).where(eq(images.id, stored!.cases[0].imageId));
    expect(copy).toMatchObject({ ownerId: null, listingId: null, sha256: image.sha256 });
    expect(copy.id).not.toBe(image.id);
    const details = await db.select().from(aiCalls).where(eq(aiCalls.id, callId));
    expect(details).toHaveLength(1);
  });

  it("makes the next version from the previous cases plus the new one, and refuses a photo already there", async () => {
    const folder = await writeGeneratedDataset();
    await importFolderDataset(folder, "grown");
    const photo = await makeJpeg(500, 400);
    const first = await reviewedCall(photo);
    expect(await promoteLabel({ labelId: first.labelId, dataset: "grown", keywords: ["vase"] })).toMatchObject({ ok: true, version: 2, caseCount: 5 });
    const grown = await loadStoredDataset("grown");
    expect(grown?.cases.map((evalCase) => evalCase.id)).toEqual(["blue-vase", "red-chair", "green-bike", "yellow-book", caseIdForCall(first.callId)]);
    expect((await loadStoredDataset("grown", 1))?.cases).toHaveLength(4);

    // Another seller's upload of the very same photo: refused, and no version is added.
    const again = await reviewedCall(photo, "Blue vase");
    const refused = await promoteLabel({ labelId: again.labelId, dataset: "grown", keywords: ["vase"] });
    expect(refused).toEqual({ ok: false, field: "dataset", error: `grown v2 already holds this photo (case ${caseIdForCall(first.callId)}); nothing was added.` });
    expect((await loadStoredDataset("grown"))?.version).toBe(2);
    // The same label may still go into another dataset.
    expect(await promoteLabel({ labelId: again.labelId, dataset: "other", keywords: ["vase"] })).toMatchObject({ ok: true, version: 1 });
  });

  it("refuses a call whose photo is gone", async () => {
    const { labelId, image } = await reviewedCall(await makeJpeg(300, 300));
    const db = await getDb();
    await db.delete(images).where(eq(images.id, image.id));
    await deleteImageFiles([image.storageKey]);
    expect(await promoteLabel({ labelId, dataset: "reviewed-gone", keywords: ["vase"] })).toMatchObject({ ok: false, field: "labelId", error: expect.stringMatching(/no longer stored/) });
  });

  it("gives a dataset the eval runner runs on like on a folder, even after the seller deleted the photo", async () => {
    const { labelId, image } = await reviewedCall(await makeJpeg(420, 360));
    expect(await promoteLabel({ labelId, dataset: "reviewed-run", keywords: ["vase"] })).toMatchObject({ ok: true });
    const db = await getDb();
    await db.delete(images).where(eq(images.id, image.id));
    await deleteImageFiles([image.storageKey]);

    const report = await runEval({ dataset: "reviewed-run", modelId: "mock:instant", prompt: getPrompt("listing-prefill"), analyse: analyseForEval });
    expect(report.run.dataset).toEqual({ name: "reviewed-run", version: 1 });
    expect(report.cases).toHaveLength(1);
    // The mock model answers the default fixture: a vase in Home & Garden at €25.
    expect(report.cases[0]).toMatchObject({ valid: true, categoryStrict: true, keywordHit: true, priceInRange: true });
  });
});
