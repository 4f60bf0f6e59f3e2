import { deleteAiCallsBefore, deleteUnusedImagesBefore } from "@/lib/db/queries/ai-calls";
import { pruneAiCallRollups } from "@/lib/db/queries/ai-call-rollups";
import { deleteImageFiles } from "@/lib/images";

const DAY_MS = 24 * 60 * 60 * 1000;
// Small batches keep each delete's transaction short beside live traffic.
const BATCH_SIZE = 2000;

export type PruneResult = { cutoff: Date; calls: number; images: number };

/**
 * Deletes AI calls older than `days`, their monitoring roll-ups, and the uploaded photos older
 * than that which nothing needs any more (no listing, no evaluation dataset, no remaining call).
 * Listings published from a pruned call stay; they lose only the link to it.
 */
export async function pruneCallLog(days: number, now = new Date()): Promise<PruneResult> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  let calls = 0;
  while (true) {
    const deleted = await deleteAiCallsBefore(cutoff, BATCH_SIZE);
    calls += deleted;
    if (deleted < BATCH_SIZE) break;
  }
  await pruneAiCallRollups(cutoff);
  let images = 0;
  while (true) {
    const storageKeys = await deleteUnusedImagesBefore(cutoff, BATCH_SIZE);
    // Rows first, files after: a file left behind by a crash is harmless, a row without its file is not.
    await deleteImageFiles(storageKeys);
    images += storageKeys.length;
    if (storageKeys.length < BATCH_SIZE) break;
  }
  return { cutoff, calls, images };
}
