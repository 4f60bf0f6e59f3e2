import crypto from "node:crypto";
import { insertImage } from "@/lib/db/queries/images";
import type { Image } from "@/lib/db/schema";
import { ImageRejectedError } from "./errors";
import { normaliseImage } from "./normalise";
import { getImageStorage, ImageStorageUnavailableError } from "./storage";

export { ImageRejectedError } from "./errors";
export { maxUploadBytes } from "./normalise";

export type ImageVariant = "full" | "thumb";

export function storageFileName(storageKey: string, variant: ImageVariant): string {
  return variant === "full" ? `${storageKey}.webp` : `${storageKey}-thumb.webp`;
}

export function imageUrl(storageKey: string, variant: ImageVariant = "full"): string {
  return `/api/images/${storageFileName(storageKey, variant)}`;
}

export type StoreImageResult = { ok: true; image: Image } | { ok: false; error: string };

export const STORAGE_UNAVAILABLE_MESSAGE = "Photos can't be saved right now. Your listing is kept here: try adding the photo again in a minute.";

/**
 * The one way an uploaded photo enters Trova: validated from its bytes, normalised, written to
 * storage and recorded. Nothing is written unless the photo is accepted, and a failed database
 * insert removes the files it had written.
 */
export async function storeUploadedImage(bytes: Buffer, ownerId: string | null): Promise<StoreImageResult> {
  let normalised;
  try {
    normalised = await normaliseImage(bytes);
  } catch (error) {
    if (error instanceof ImageRejectedError) return { ok: false, error: error.message };
    throw error;
  }
  const storage = getImageStorage();
  const storageKey = crypto.randomUUID();
  const files = [storageFileName(storageKey, "full"), storageFileName(storageKey, "thumb")];
  try {
    await storage.put(files[0], normalised.full);
    await storage.put(files[1], normalised.thumb);
    const image = await insertImage({
      ownerId,
      storageKey,
      width: normalised.width,
      height: normalised.height,
      bytes: normalised.full.length,
      sha256: normalised.sha256,
      originalType: normalised.originalType,
    });
    return { ok: true, image };
  } catch (error) {
    // Nothing refers to these files yet: remove whatever was written (best effort; a store that
    // is down leaves at most an unreferenced file, never a listing photo that is missing).
    await Promise.all(files.map((file) => storage.delete(file).catch(() => undefined)));
    if (error instanceof ImageStorageUnavailableError) {
      console.error("[images] upload not stored:", error.message);
      return { ok: false, error: STORAGE_UNAVAILABLE_MESSAGE };
    }
    throw error;
  }
}

/** Stores the files of an already stored image again under a new key; returns that key. */
export async function copyImageFiles(storageKey: string): Promise<string> {
  const storage = getImageStorage();
  const copyKey = crypto.randomUUID();
  await Promise.all(
    (["full", "thumb"] as const).map((variant) => storage.copy(storageFileName(storageKey, variant), storageFileName(copyKey, variant))),
  );
  return copyKey;
}

/**
 * A copy of a stored image that belongs to nobody: an evaluation case keeps its photo even when
 * the seller deletes the listing (and with it their photos). Same bytes, so the same sha256.
 */
export async function copyImageUnowned(image: Image): Promise<Image> {
  const storageKey = await copyImageFiles(image.storageKey);
  try {
    const { width, height, bytes, sha256, originalType } = image;
    return await insertImage({ ownerId: null, storageKey, width, height, bytes, sha256, originalType });
  } catch (error) {
    await deleteImageFiles([storageKey]);
    throw error;
  }
}

/**
 * Removes image files; rows are removed by the caller's query (often in a transaction), before.
 * A file that cannot be removed (storage down) is logged, not thrown: its row is already gone, so
 * nothing shows it, and the seller's deletion has succeeded.
 */
export async function deleteImageFiles(storageKeys: string[]): Promise<void> {
  const storage = getImageStorage();
  const files = storageKeys.flatMap((key) => [storageFileName(key, "full"), storageFileName(key, "thumb")]);
  const results = await Promise.allSettled(files.map((file) => storage.delete(file)));
  const failed = files.filter((_, index) => results[index].status === "rejected");
  if (failed.length > 0) console.error(`[images] ${failed.length} file(s) not deleted, left unreferenced: ${failed.join(", ")}`);
}
