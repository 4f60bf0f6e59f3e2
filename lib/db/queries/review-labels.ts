import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { reviewItems, reviewLabels } from "@/lib/db/schema";

// Reviewers' labels on queued calls (lib/annotation/).

export type NewReviewLabel = {
  category: (typeof reviewLabels.$inferInsert)["category"];
  title: string;
  priceMinCents: number;
  priceMaxCents: number;
  verdicts: (typeof reviewLabels.$inferInsert)["verdicts"];
  comment: string;
};

export type SaveLabelResult = "saved" | "updated" | "missing" | "not-claimed" | "complete";

/**
 * Saves a reviewer's label. A first label needs the reviewer's claim (which it then releases);
 * a reviewer may correct their own label at any time.
 */
export async function saveReviewLabel(itemId: string, reviewerId: string, label: NewReviewLabel): Promise<SaveLabelResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(reviewItems).where(eq(reviewItems.id, itemId)).for("update");
    if (!item) return "missing";
    const updated = await tx
      .update(reviewLabels)
      .set(label)
      .where(and(eq(reviewLabels.itemId, itemId), eq(reviewLabels.reviewerId, reviewerId)))
      .returning({ id: reviewLabels.id });
    if (updated.length > 0) return "updated";
    // A lapsed lease still counts while nobody else has taken the item over.
    if (item.claimedBy !== reviewerId) return "not-claimed";
    if (item.labelCount >= item.labelsWanted) return "complete";
    await tx.insert(reviewLabels).values({ ...label, itemId, reviewerId });
    await tx
      .update(reviewItems)
      .set({ labelCount: sql`${reviewItems.labelCount} + 1`, claimedBy: null, claimedAt: null })
      .where(eq(reviewItems.id, itemId));
    return "saved";
  });
}
