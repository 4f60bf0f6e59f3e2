import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { isUuid } from "@/lib/db/uuid";
import { playgroundDrafts } from "@/lib/db/schema";

// An admin's prompt drafts in the console playground. Every query takes the owner: a draft is
// read, changed and removed only by the admin who wrote it.

/** Saves a draft under its name: a new one, or the text of the owner's draft of that name replaced. */
export async function upsertPlaygroundDraft(values: { ownerId: string; promptId: string; name: string; text: string; hash: string }) {
  const db = await getDb();
  const [draft] = await db
    .insert(playgroundDrafts)
    .values(values)
    .onConflictDoUpdate({
      target: [playgroundDrafts.ownerId, playgroundDrafts.promptId, playgroundDrafts.name],
      set: { text: values.text, hash: values.hash, updatedAt: new Date() },
    })
    .returning();
  return draft;
}

export async function listPlaygroundDrafts(ownerId: string, promptId: string) {
  const db = await getDb();
  return db
    .select()
    .from(playgroundDrafts)
    .where(and(eq(playgroundDrafts.ownerId, ownerId), eq(playgroundDrafts.promptId, promptId)))
    .orderBy(asc(playgroundDrafts.name));
}

export async function getPlaygroundDraft(ownerId: string, draftId: string) {
  if (!isUuid(draftId)) return null;
  const db = await getDb();
  const [draft] = await db
    .select()
    .from(playgroundDrafts)
    .where(and(eq(playgroundDrafts.id, draftId), eq(playgroundDrafts.ownerId, ownerId)));
  return draft ?? null;
}

/** Removes the owner's draft; false when they have none with that id. Runs made from it keep its text. */
export async function deletePlaygroundDraft(ownerId: string, draftId: string): Promise<boolean> {
  if (!isUuid(draftId)) return false;
  const db = await getDb();
  const deleted = await db
    .delete(playgroundDrafts)
    .where(and(eq(playgroundDrafts.id, draftId), eq(playgroundDrafts.ownerId, ownerId)))
    .returning({ id: playgroundDrafts.id });
  return deleted.length > 0;
}
