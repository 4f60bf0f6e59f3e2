import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { getDb } from "@/lib/db/client";
import { aiCalls, user } from "@/lib/db/schema";
import { loadStoredDataset } from "@/lib/evals/dataset-store";
import { storeUploadedImage } from "@/lib/images";
import { makeJpeg, makePng } from "@/lib/testing/images";
import { saveCaseSchema, saveColumnAsCase, type SaveCaseInput } from "./save-case";

let callPhoto: string;
let callId: string;
let uploadedPhoto: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller", name: "Sam Seller", email: "sam@example.com" },
    { id: "ann", name: "Ann Admin", email: "ann@example.com", role: "admin" },
  ]);
  const stored = await storeUploadedImage(await makeJpeg(640, 480), "seller");
  if (!stored.ok) throw new Error(stored.error);
  callPhoto = stored.image.id;
  callId = crypto.randomUUID();
  await db.insert(aiCalls).values({ id: callId, feature: "listing-prefill", userId: "seller", provider: "mock", modelId: "mock:fixture", status: "ok", output: DEFAULT_FIXTURE, imageIds: [callPhoto], latencyMs: 90 });
  const upload = await storeUploadedImage(await makePng(), "ann");
  if (!upload.ok) throw new Error(upload.error);
  uploadedPhoto = upload.image.id;
});

const form = (overrides: Record<string, string> = {}) =>
  saveCaseSchema.parse({ imageId: callPhoto, sourceCallId: callId, dataset: "playground-cases", category: "Home & Garden", item: "Stoneware jug", keywords: "Jug, stoneware, jug", priceMin: "15", priceMax: "40", ...overrides }) as SaveCaseInput;

describe("save a playground column as an eval case", () => {
  it("adds the photo and the admin's fields as a case in a new version of the dataset, with the dataset's own copy of the photo", async () => {
    const first = await saveColumnAsCase(form());
    expect(first).toMatchObject({ ok: true, dataset: "playground-cases", version: 1, caseCount: 1 });
    const uploaded = await saveColumnAsCase(form({ imageId: uploadedPhoto, sourceCallId: "", item: "Blue yoga mat", category: "Sports", keywords: "yoga, mat" }));
    expect(uploaded).toMatchObject({ ok: true, version: 2, caseCount: 2 });

    const dataset = await loadStoredDataset("playground-cases");
    expect(dataset?.version).toBe(2);
    const [fromCall, fromUpload] = dataset!.cases;
    expect(fromCall).toMatchObject({
      category: "Home & Garden",
      item: "Stoneware jug",
      keywords: ["jug", "stoneware"],
      price_eur: { min: 15, max: 40 },
      source: `Trova pre-fill call ${callId}, via the playground`,
    });
    expect(fromCall.id).toMatch(/^playground-[0-9a-f]{16}$/);
    // The dataset's copy is nobody's upload: it stays when the seller deletes their photo.
    expect(fromCall.imageId).not.toBe(callPhoto);
    expect(fromUpload).toMatchObject({ category: "Sports", source: "Console playground upload" });
    // Version 1 still holds only the first case: versions never change.
    expect((await loadStoredDataset("playground-cases", 1))?.cases.map((evalCase) => evalCase.id)).toEqual([fromCall.id]);
  });

  it("refuses a photo the dataset already holds, beside the dataset field", async () => {
    const again = await saveColumnAsCase(form({ item: "Another title" }));
    expect(again).toMatchObject({ ok: false, field: "dataset", error: expect.stringMatching(/^playground-cases v2 already holds this photo/) });
    expect((await loadStoredDataset("playground-cases"))?.version).toBe(2);
  });

  it("says when the photo is gone", async () => {
    expect(await saveColumnAsCase(form({ imageId: crypto.randomUUID() }))).toMatchObject({ ok: false, field: "imageId" });
  });

  it("checks the fields as the review queue's promotion does", () => {
    const parsed = saveCaseSchema.safeParse({ imageId: "x", dataset: "has space@1", category: "Pottery", item: "a", keywords: " , ", priceMin: "50", priceMax: "10" });
    expect(parsed.success).toBe(false);
    expect(new Set(parsed.error!.issues.map((issue) => issue.path[0]))).toEqual(new Set(["imageId", "dataset", "category", "item", "keywords"]));
    const range = saveCaseSchema.safeParse({ imageId: callPhoto, dataset: "ok", category: "Books", item: "A book", keywords: "book", priceMin: "50", priceMax: "10" });
    expect(range.error?.issues.map((issue) => issue.path[0])).toEqual(["priceMax"]);
  });
});
