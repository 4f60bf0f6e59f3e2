import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { promptLive, promptLiveChanges, user } from "@/lib/db/schema";

export async function getPromptLiveRow(promptId: string) {
  const db = await getDb();
  const [row] = await db.select().from(promptLive).where(eq(promptLive.promptId, promptId));
  return row ?? null;
}

/** Points live traffic at a prompt version (and optionally a model), logging the change. */
export async function setPromptLive(promptId: string, version: number, modelId: string | null, changedBy: string | null) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [previous] = await tx.select().from(promptLive).where(eq(promptLive.promptId, promptId)).for("update");
    await tx
      .insert(promptLive)
      .values({ promptId, version, modelId, updatedBy: changedBy })
      .onConflictDoUpdate({ target: promptLive.promptId, set: { version, modelId, updatedBy: changedBy, updatedAt: new Date() } });
    await tx.insert(promptLiveChanges).values({
      promptId,
      version,
      modelId,
      previousVersion: previous?.version ?? null,
      previousModelId: previous?.modelId ?? null,
      changedBy,
    });
  });
}

export async function getPromptLiveChanges(promptId: string, limit = 20) {
  const db = await getDb();
  return db
    .select({ change: promptLiveChanges, changedByName: user.name })
    .from(promptLiveChanges)
    .leftJoin(user, eq(user.id, promptLiveChanges.changedBy))
    .where(eq(promptLiveChanges.promptId, promptId))
    .orderBy(desc(promptLiveChanges.changedAt))
    .limit(limit);
}
