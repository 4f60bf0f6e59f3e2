import { and, asc, count, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { images } from "@/lib/db/schema";

export async function insertImage(values: typeof images.$inferInsert) {
  const db = await getDb();
  const [image] = await db.insert(images).values(values).returning();
  return image;
}

export async function getListingImages(listingId: string) {
  const db = await getDb();
  return db.select().from(images).where(eq(images.listingId, listingId)).orderBy(asc(images.position));
}

export async function getImageById(id: string) {
  const db = await getDb();
  const [image] = await db.select().from(images).where(eq(images.id, id));
  return image ?? null;
}

/** True when every id names an image that `ownerId` uploaded. */
export async function areImagesOwnedBy(imageIds: string[], ownerId: string): Promise<boolean> {
  const distinct = [...new Set(imageIds)];
  if (distinct.length === 0) return false;
  const db = await getDb();
  const [row] = await db
    .select({ owned: count() })
    .from(images)
    .where(and(inArray(images.id, distinct), eq(images.ownerId, ownerId)));
  return row.owned === distinct.length;
}

/** Who may see an image's files: its uploader, and the listing it is on (if any). */
export async function getImageAccessByStorageKey(storageKey: string) {
  const db = await getDb();
  const [image] = await db
    .select({ ownerId: images.ownerId, listingId: images.listingId })
    .from(images)
    .where(eq(images.storageKey, storageKey));
  return image ?? null;
}

/** Records the size of an image's full copy once it is written (uploads store it after answering). */
export async function setImageBytes(id: string, bytes: number): Promise<void> {
  const db = await getDb();
  await db.update(images).set({ bytes }).where(eq(images.id, id));
}

/** Removes an image's row (its full copy could not be stored); returns whether it was there. */
export async function deleteImageRow(id: string): Promise<boolean> {
  const db = await getDb();
  const removed = await db.delete(images).where(eq(images.id, id)).returning({ id: images.id });
  return removed.length > 0;
}
