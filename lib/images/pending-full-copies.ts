// Uploads whose full copy is still being encoded and written, in this process. The sell page's
// upload answers once the thumbnail and the image's row are stored; the 1600 px WebP (most of an
// upload's server time) is encoded and written after, off the path to the seller's pre-fill,
// which reads a JPEG of the same decoded pixels from here at once (readPhotoForModel in
// ./index.ts). Another node reads the stored WebP, waiting for it if need be.

type RecentUpload = { modelInput: Promise<Buffer>; written: Promise<boolean> };

// A pre-fill follows its upload within seconds; two minutes covers a slow phone. At most this
// many are kept (about 0.3 MB each), the oldest dropped first.
const KEEP_MS = 2 * 60 * 1000;
const MAX_KEPT = 64;

const recent = new Map<string, RecentUpload>();

export function trackRecentUpload(imageId: string, upload: RecentUpload): void {
  recent.set(imageId, upload);
  while (recent.size > MAX_KEPT) recent.delete(recent.keys().next().value!);
  // A copy that could not be written leaves at once (its image is gone); a written one after a while.
  void upload.written.then((stored) => {
    const forget = () => recent.get(imageId) === upload && recent.delete(imageId);
    if (stored) setTimeout(forget, KEEP_MS).unref();
    else forget();
  });
}

export function recentUpload(imageId: string): RecentUpload | undefined {
  return recent.get(imageId);
}

/** Whether every one of these images has its full copy stored (true for those not pending here). */
export async function fullCopiesStored(imageIds: string[]): Promise<boolean> {
  const results = await Promise.all(imageIds.map((id) => recent.get(id)?.written ?? true));
  return results.every(Boolean);
}
