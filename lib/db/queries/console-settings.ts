import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { consoleSettings } from "@/lib/db/schema";

/** A setting's stored value, or null when it was never set. Callers parse it with their own schema. */
export async function getConsoleSetting(key: string): Promise<unknown> {
  const db = await getDb();
  const [row] = await db.select({ value: consoleSettings.value }).from(consoleSettings).where(eq(consoleSettings.key, key));
  return row?.value ?? null;
}

export async function setConsoleSetting(key: string, value: unknown, updatedBy: string): Promise<void> {
  const db = await getDb();
  await db
    .insert(consoleSettings)
    .values({ key, value, updatedBy })
    .onConflictDoUpdate({ target: consoleSettings.key, set: { value, updatedBy, updatedAt: new Date() } });
}
