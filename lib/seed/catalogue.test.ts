import { count, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { images, listings } from "@/lib/db/schema";
import { deleteImageFiles, storageFileName } from "@/lib/images";
import { getImageStorage } from "@/lib/images/storage";
import { seedCatalogue } from "./catalogue";

describe("the synthetic catalogue", () => {
  it("adds the requested number of listings in batches, each with its own photo", async () => {
    const progress: number[] = [];
    await seedCatalogue(1_250, (done) => progress.push(done));
    expect(progress).toEqual([1_000, 1_250]);

    const db = await getDb();
    const [{ total }] = await db.select({ total: count() }).from(listings);
    expect(total).toBe(1_250);
    const photos = await db.select().from(images);
    expect(photos).toHaveLength(1_250);
    expect(new Set(photos.map((photo) => photo.listingId)).size).toBe(1_250);
    // The pool the copies came from leaves no records behind.
    expect(await db.select().from(images).where(isNull(images.listingId))).toHaveLength(0);

    // Listings that reuse the same pool photo have files of their own: deleting one keeps the other.
    const [first, sameBytes] = photos.filter((photo) => photo.sha256 === photos[0].sha256);
    const storage = getImageStorage();
    expect(await storage.get(storageFileName(sameBytes.storageKey, "full"))).not.toBeNull();
    await deleteImageFiles([first.storageKey]);
    expect(await storage.get(storageFileName(first.storageKey, "full"))).toBeNull();
    expect(await storage.get(storageFileName(sameBytes.storageKey, "full"))).not.toBeNull();
    expect(await storage.get(storageFileName(sameBytes.storageKey, "thumb"))).not.toBeNull();
  });
});
