import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { user } from "@/lib/db/schema";

/** Sets a user's role by email; false when no account has that email. */
export async function setUserRoleByEmail(email: string, role: "admin" | "moderator" | "user"): Promise<boolean> {
  const db = await getDb();
  const updated = await db.update(user).set({ role }).where(eq(user.email, email.trim().toLowerCase())).returning({ id: user.id });
  return updated.length > 0;
}

export async function getUserByEmail(email: string) {
  const db = await getDb();
  const [row] = await db.select().from(user).where(eq(user.email, email.trim().toLowerCase()));
  return row ?? null;
}

/** The place pre-selected when this user sells (their latest listing's place), or null. */
export async function getDefaultPlace(userId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ defaultPlace: user.defaultPlace }).from(user).where(eq(user.id, userId));
  return row?.defaultPlace ?? null;
}

/** Sets the place pre-selected when this user sells. */
export async function setDefaultPlace(userId: string, place: string): Promise<void> {
  const db = await getDb();
  await db.update(user).set({ defaultPlace: place }).where(eq(user.id, userId));
}
