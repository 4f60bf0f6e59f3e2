import { deleteUnusedImagesBefore } from "@/lib/db/queries/ai-calls";
import { deleteImageFiles } from "./index";

/** How long a photo uploaded on /sell may wait for its listing to be published. */
export const UNPUBLISHED_UPLOAD_HOURS = 24;
const BATCH_SIZE = 500;

/**
 * Deletes photos uploaded more than a day ago that no listing uses, nor an AI call's record or
 * an evaluation dataset (those follow the call log's retention, lib/monitoring/retention.ts).
 * Run at start and every hour by lib/server-start.ts; safe to run on several nodes at once.
 */
export async function deleteStaleUploads(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNPUBLISHED_UPLOAD_HOURS * 60 * 60 * 1000);
  let deleted = 0;
  while (true) {
    const storageKeys = await deleteUnusedImagesBefore(cutoff, BATCH_SIZE);
    // Rows first, files after: a file left behind by a crash is harmless, a row without its file is not.
    await deleteImageFiles(storageKeys);
    deleted += storageKeys.length;
    if (storageKeys.length < BATCH_SIZE) return deleted;
  }
}
