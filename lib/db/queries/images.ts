import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
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

/**
 * The images among `ids` that `ownerId` may put on a listing: uploaded by them and either not
 * yet attached or already attached to that same listing.
 */
export async function getAttachableImages(ids: string[], ownerId: string, listingId?: string) {
  if (ids.length === 0) return [];
  const db = await getDb();
  return db
    .select()
    .from(images)
    .where(
      and(
        inArray(images.id, ids),
        eq(images.ownerId, ownerId),
        listingId ? or(isNull(images.listingId), eq(images.listingId, listingId)) : isNull(images.listingId),
      ),
    );
}

export async function getImageById(id: string) {
  const db = await getDb();
  const [image] = await db.select().from(images).where(eq(images.id, id));
  return image ?? null;
}
