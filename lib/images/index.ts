import crypto from "node:crypto";
import { deleteImageRow, insertImage, setImageBytes } from "@/lib/db/queries/images";
import type { Image } from "@/lib/db/schema";
import { ImageRejectedError } from "./errors";
import { decodeUpload, encodeFullCopy, encodeModelInput, encodeThumbnail, type DecodedUpload } from "./normalise";
import { recentUpload, trackRecentUpload } from "./pending-full-copies";
import { getImageStorage, ImageStorageUnavailableError } from "./storage";

export { ImageRejectedError } from "./errors";
export { maxUploadBytes } from "./normalise";
export { fullCopiesStored } from "./pending-full-copies";

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
 *
 * `fullCopy: "after"` (the sell page's upload) answers once the thumbnail and the row are stored
 * and writes the full copy after: a pre-fill on this node reads a JPEG of the same pixels at once
 * (readPhotoForModel), a publish waits until the copy is stored (fullCopiesStored), and if it
 * cannot be stored the image is removed, so no listing keeps a photo without its file. Scripts
 * and imports keep the default, "now": everything is stored before the call returns.
 */
export async function storeUploadedImage(bytes: Buffer, ownerId: string | null, options: { fullCopy?: "now" | "after" } = {}): Promise<StoreImageResult> {
  let decoded: DecodedUpload;
  try {
    decoded = await decodeUpload(bytes);
  } catch (error) {
    if (error instanceof ImageRejectedError) return { ok: false, error: error.message };
    throw error;
  }
  const storage = getImageStorage();
  const storageKey = crypto.randomUUID();
  const [fullFile, thumbFile] = [storageFileName(storageKey, "full"), storageFileName(storageKey, "thumb")];
  const fullBytes = encodeFullCopy(decoded);
  // Settled here too, so a failure while the thumbnail is stored is never left unhandled.
  fullBytes.catch(() => undefined);
  const { width, height } = decoded.raw;
  const record = { ownerId, storageKey, width, height, sha256: decoded.sha256, originalType: decoded.originalType };
  try {
    if (options.fullCopy === "after") {
      const modelInput = encodeModelInput(decoded);
      modelInput.catch(() => undefined);
      await storage.put(thumbFile, await encodeThumbnail(decoded));
      // The full copy's size is recorded once it is written.
      const image = await insertImage({ ...record, bytes: 0 });
      trackRecentUpload(image.id, { modelInput, written: writeFullCopyAfter(image, fullBytes, [fullFile, thumbFile]) });
      return { ok: true, image };
    }
    const [full, thumb] = await Promise.all([fullBytes, encodeThumbnail(decoded)]);
    await storage.put(fullFile, full);
    await storage.put(thumbFile, thumb);
    return { ok: true, image: await insertImage({ ...record, bytes: full.length }) };
  } catch (error) {
    // Nothing refers to these files yet: remove whatever was written (best effort; a store that
    // is down leaves at most an unreferenced file, never a listing photo that is missing).
    await Promise.all([fullFile, thumbFile].map((file) => storage.delete(file).catch(() => undefined)));
    if (error instanceof ImageStorageUnavailableError) {
      console.error("[images] upload not stored:", error.message);
      return { ok: false, error: STORAGE_UNAVAILABLE_MESSAGE };
    }
    throw error;
  }
}

/** Writes an upload's full copy after the answer; on failure removes the image, row and files. */
async function writeFullCopyAfter(image: Image, fullBytes: Promise<Buffer>, files: string[]): Promise<boolean> {
  const storage = getImageStorage();
  try {
    const full = await fullBytes;
    await storage.put(files[0], full);
    await setImageBytes(image.id, full.length);
    return true;
  } catch (error) {
    console.error(`[images] the full copy of upload ${image.id} was not stored; the photo is removed:`, error);
    await deleteImageRow(image.id).catch(() => undefined);
    await Promise.all(files.map((file) => storage.delete(file).catch(() => undefined)));
    return false;
  }
}

// A full copy written by another node after its upload answered is in storage within a second or
// two; a pre-fill that reaches this node first waits that long for it, no longer.
const FULL_COPY_WAIT_MS = 5_000;
const FULL_COPY_POLL_MS = 100;

export type PhotoForModel = { bytes: Buffer; mediaType: "image/jpeg" | "image/webp" };

/**
 * The photo as a model reads it: for an upload of the last minutes on this node, a JPEG of its
 * decoded pixels, at once; otherwise the stored full copy, waiting a few seconds for a copy that
 * another node is still writing. Null if there is none.
 */
export async function readPhotoForModel(image: Pick<Image, "id" | "storageKey" | "createdAt">): Promise<PhotoForModel | null> {
  const upload = recentUpload(image.id);
  if (upload) {
    const bytes = await upload.modelInput.catch(() => null);
    if (bytes) return { bytes, mediaType: "image/jpeg" };
  }
  const storage = getImageStorage();
  const file = storageFileName(image.storageKey, "full");
  const waitUntil = image.createdAt.getTime() + FULL_COPY_WAIT_MS;
  for (;;) {
    const bytes = await storage.get(file);
    if (bytes) return { bytes, mediaType: "image/webp" };
    if (Date.now() >= waitUntil) return null;
    await new Promise((resolve) => setTimeout(resolve, FULL_COPY_POLL_MS));
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
