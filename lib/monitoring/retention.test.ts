import { count, eq, inArray, lt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { refreshAiCallRollups } from "@/lib/db/queries/ai-call-rollups";
import { aiCallRollups, aiCalls, evalCases, evalDatasets, evalDatasetVersions, images, listings, user, type Image } from "@/lib/db/schema";
import { storageFileName, storeUploadedImage } from "@/lib/images";
import { getImageStorage } from "@/lib/images/storage";
import { makePng } from "@/lib/testing/images";
import { pruneCallLog } from "./retention";

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

const photos = {} as Record<"oldOnlyOldCall" | "oldAlsoRecentCall" | "recent" | "oldUnused" | "oldOnListing" | "oldInDataset", Image>;
const calls = { old: "", oldOther: "", recent: "" };
let listingId = "";

async function storePhoto(createdAt: Date): Promise<Image> {
  const stored = await storeUploadedImage(await makePng(64, 48), "seller");
  if (!stored.ok) throw new Error(stored.error);
  const db = await getDb();
  await db.update(images).set({ createdAt }).where(eq(images.id, stored.image.id));
  return stored.image;
}

async function fileExists(image: Image): Promise<boolean> {
  return (await getImageStorage().get(storageFileName(image.storageKey, "full"))) !== null;
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values({ id: "seller", name: "Ana", email: "ana@example.com" });
  for (const key of ["oldOnlyOldCall", "oldAlsoRecentCall", "oldUnused", "oldOnListing", "oldInDataset"] as const) photos[key] = await storePhoto(daysAgo(100));
  photos.recent = await storePhoto(daysAgo(1));

  const [listing] = await db
    .insert(listings)
    .values({ sellerId: "seller", title: "Vase", category: "Home & Garden", condition: "good", priceCents: 2500 })
    .returning({ id: listings.id });
  listingId = listing.id;
  await db.update(images).set({ listingId }).where(eq(images.id, photos.oldOnListing.id));
  const [dataset] = await db.insert(evalDatasets).values({ name: "kept" }).returning();
  const [version] = await db.insert(evalDatasetVersions).values({ datasetId: dataset.id, version: 1, contentHash: "x", caseCount: 1 }).returning();
  await db.insert(evalCases).values({ datasetVersionId: version.id, caseId: "vase", imageId: photos.oldInDataset.id, imageSha256: "x", data: {}, position: 0 });

  const base = { feature: "listing-prefill", userId: "seller", provider: "mock", modelId: "mock:fixture", status: "ok" as const, latencyMs: 800 };
  const rows = await db
    .insert(aiCalls)
    .values([
      { ...base, imageIds: [photos.oldOnlyOldCall.id], createdAt: daysAgo(100), listingId },
      { ...base, imageIds: [photos.oldAlsoRecentCall.id], createdAt: daysAgo(95) },
      { ...base, imageIds: [photos.recent.id, photos.oldAlsoRecentCall.id], createdAt: daysAgo(1) },
    ])
    .returning({ id: aiCalls.id });
  [calls.old, calls.oldOther, calls.recent] = rows.map((row) => row.id);
  await db.update(listings).set({ aiCallId: calls.old }).where(eq(listings.id, listingId));
  await refreshAiCallRollups();
});

describe("pruneCallLog", () => {
  it("deletes calls and photos past the retention period, and keeps whatever is still needed", async () => {
    const result = await pruneCallLog(90, now);
    expect(result).toMatchObject({ calls: 2, images: 2 });

    const db = await getDb();
    const remaining = await db.select({ id: aiCalls.id }).from(aiCalls);
    expect(remaining.map((row) => row.id)).toEqual([calls.recent]);

    const kept = await db.select({ id: images.id }).from(images).where(inArray(images.id, Object.values(photos).map((photo) => photo.id)));
    expect(kept.map((row) => row.id).sort()).toEqual([photos.oldAlsoRecentCall.id, photos.recent.id, photos.oldOnListing.id, photos.oldInDataset.id].sort());
    expect(await fileExists(photos.oldOnlyOldCall)).toBe(false);
    expect(await fileExists(photos.oldUnused)).toBe(false);
    expect(await fileExists(photos.oldAlsoRecentCall)).toBe(true);

    // The listing stays; only its link to the pruned call goes.
    const [listing] = await db.select().from(listings).where(eq(listings.id, listingId));
    expect(listing.aiCallId).toBeNull();
    // So do the monitoring roll-ups of the pruned hours.
    const [{ oldRollups }] = await db.select({ oldRollups: count() }).from(aiCallRollups).where(lt(aiCallRollups.hour, result.cutoff));
    expect(oldRollups).toBe(0);
  });

  it("has nothing more to do when run again", async () => {
    expect(await pruneCallLog(90, now)).toMatchObject({ calls: 0, images: 0 });
  });
});
