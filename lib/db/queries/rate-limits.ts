import { eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";

/** Counts `amount` (one hit, or bytes) in a fixed window, starting a new window when the old one has passed. */
export async function incrementRateLimit(key: string, windowSeconds: number, amount = 1) {
  const db = await getDb();
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: amount })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} + ${window} <= now() then ${amount}::int else ${rateLimits.count} + ${amount}::int end`,
        windowStart: sql`case when ${rateLimits.windowStart} + ${window} <= now() then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  return row;
}

/** Removes windows that ended long ago (the table would otherwise keep one row per key ever seen). */
export async function deleteRateLimitsOlderThan(cutoff: Date): Promise<number> {
  const db = await getDb();
  const removed = await db.delete(rateLimits).where(lt(rateLimits.windowStart, cutoff)).returning({ key: rateLimits.key });
  return removed.length;
}

/** Ends a window at once (its count starts again from nothing). */
export async function deleteRateLimit(key: string): Promise<void> {
  const db = await getDb();
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
