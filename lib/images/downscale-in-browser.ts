// Runs in the browser only: a phone photo (often 4000 × 3000, 3–8 MB) is shrunk before it
// travels. The server still validates and normalises whatever arrives (lib/images/index.ts).

/** Longest side of what is uploaded; the server stores at most this size anyway (FULL_SIZE). */
export const UPLOAD_LONGEST_SIDE = 1600;

// Below this a photo is sent as it is: re-encoding would save little and could cost quality.
const SMALL_FILE_BYTES = 400 * 1024;
const QUALITY = 0.85;

/** The size to draw at: the longest side capped at `longestSide`, never enlarged. */
export function fitWithin(width: number, height: number, longestSide = UPLOAD_LONGEST_SIDE): { width: number; height: number } {
  const scale = Math.min(1, longestSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** "IMG_1234.HEIC.jpg" → "IMG_1234.HEIC.webp": the uploaded name says what the bytes are. */
export function renameForType(name: string, type: string): string {
  const extension = type === "image/webp" ? "webp" : "jpg";
  const base = name.replace(/\.[^./\\]+$/, "") || "photo";
  return `${base}.${extension}`;
}

/**
 * A smaller copy of the photo for upload: turned upright from its EXIF orientation, longest side
 * 1600 px, WebP (JPEG where the browser cannot encode WebP). Returns the file unchanged when it is
 * already small, cannot be decoded here (the server then explains why), or would not get smaller.
 */
export async function downscaleForUpload(file: File): Promise<File> {
  if (file.size <= SMALL_FILE_BYTES || typeof createImageBitmap !== "function") return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file;
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    const blob = await encode(bitmap, size, "image/webp").then((webp) =>
      webp?.type === "image/webp" ? webp : encode(bitmap, size, "image/jpeg"),
    );
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], renameForType(file.name, blob.type), { type: blob.type, lastModified: file.lastModified });
  } catch {
    return file;
  } finally {
    bitmap.close();
  }
}

// A browser that cannot encode the requested type silently returns PNG: the caller checks `type`.
async function encode(bitmap: ImageBitmap, size: { width: number; height: number }, type: string): Promise<Blob | null> {
  if (typeof OffscreenCanvas === "function") {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext("2d");
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    return canvas.convertToBlob({ type, quality: QUALITY });
  }
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  return new Promise((resolve) => canvas.toBlob(resolve, type, QUALITY));
}
