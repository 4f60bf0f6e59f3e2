import { asc, eq } from "drizzle-orm";
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
