import { and, asc, eq, isNull, lt, ne, notExists, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "@/lib/db/client";
import { reviewItems, reviewLabels, type ReviewItem } from "@/lib/db/schema";

// The review queue's claims (lib/annotation/): a reviewer holds at most one item, for a lease; an expired lease frees the item.

/** Open for `reviewerId`: wants more labels, has none of theirs, and nobody else holds a live claim. */
export function openFor(tx: Transaction | Database, reviewerId: string, leaseCutoff: Date): SQL {
  return and(
    lt(reviewItems.labelCount, reviewItems.labelsWanted),
    or(isNull(reviewItems.claimedBy), eq(reviewItems.claimedBy, reviewerId), lt(reviewItems.claimedAt, leaseCutoff)),
    notExists(
      tx
        .select({ one: sql`1` })
        .from(reviewLabels)
        .where(and(eq(reviewLabels.itemId, reviewItems.id), eq(reviewLabels.reviewerId, reviewerId))),
    ),
  )!;
}

export type ClaimOptions = { now: Date; leaseMs: number };

async function takeClaim(tx: Transaction, itemId: string, reviewerId: string, now: Date): Promise<ReviewItem> {
  // One item at a time: taking a new one lets go of any other.
  await tx
    .update(reviewItems)
    .set({ claimedBy: null, claimedAt: null })
    .where(and(eq(reviewItems.claimedBy, reviewerId), ne(reviewItems.id, itemId)));
  const [claimed] = await tx.update(reviewItems).set({ claimedBy: reviewerId, claimedAt: now }).where(eq(reviewItems.id, itemId)).returning();
  return claimed;
}

/**
 * Claims the next item for a reviewer: their own live claim first, then the oldest open item.
 * SKIP LOCKED lets concurrent reviewers pass over a row another transaction is claiming, so two
 * reviewers never get the same item.
 */
export async function claimNextReviewItem(reviewerId: string, { now, leaseMs }: ClaimOptions, skipItemId?: string): Promise<ReviewItem | null> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - leaseMs);
  return db.transaction(async (tx) => {
    const [candidate] = await tx
      .select({ id: reviewItems.id })
      .from(reviewItems)
      .where(and(openFor(tx, reviewerId, cutoff), skipItemId ? ne(reviewItems.id, skipItemId) : undefined))
      .orderBy(sql`(${reviewItems.claimedBy} is not distinct from ${reviewerId}) desc`, asc(reviewItems.createdAt), asc(reviewItems.id))
      .limit(1)
      .for("update", { skipLocked: true });
    return candidate ? takeClaim(tx, candidate.id, reviewerId, now) : null;
  });
}

export type ClaimItemResult =
  | { ok: true; item: ReviewItem }
  | { ok: false; reason: "missing" | "labelled" | "complete" }
  | { ok: false; reason: "taken"; claimedBy: string | null; claimedAt: Date | null };

/** Claims one chosen item, unless someone else holds a live claim on it or it needs no more labels. */
export async function claimReviewItem(itemId: string, reviewerId: string, { now, leaseMs }: ClaimOptions): Promise<ClaimItemResult> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - leaseMs);
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(reviewItems).where(eq(reviewItems.id, itemId)).for("update");
    if (!item) return { ok: false, reason: "missing" } as const;
    const [mine] = await tx
      .select({ id: reviewLabels.id })
      .from(reviewLabels)
      .where(and(eq(reviewLabels.itemId, itemId), eq(reviewLabels.reviewerId, reviewerId)));
    if (mine) return { ok: false, reason: "labelled" } as const;
    if (item.labelCount >= item.labelsWanted) return { ok: false, reason: "complete" } as const;
    if (item.claimedBy && item.claimedBy !== reviewerId && item.claimedAt && item.claimedAt >= cutoff) {
      return { ok: false, reason: "taken", claimedBy: item.claimedBy, claimedAt: item.claimedAt } as const;
    }
    return { ok: true, item: await takeClaim(tx, itemId, reviewerId, now) } as const;
  });
}

/** Lets go of a claim (skip); nothing happens unless `reviewerId` holds it. */
export async function releaseReviewItem(itemId: string, reviewerId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(reviewItems)
    .set({ claimedBy: null, claimedAt: null })
    .where(and(eq(reviewItems.id, itemId), eq(reviewItems.claimedBy, reviewerId)));
}
