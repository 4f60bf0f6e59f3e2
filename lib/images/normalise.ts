import crypto from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import sharp, { type Metadata } from "sharp";
import { env } from "@/lib/env";
import { ImageRejectedError } from "./errors";

// Types sharp can decode from this build. HEIC needs a patented codec that sharp's prebuilt
// libvips leaves out, so it is refused with advice rather than failing later.
const READABLE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"]);

export const FULL_SIZE = 1600;
export const THUMB_SIZE = 480;
// WebP encoding is most of an upload's server time. Effort 2 (of 0–6) takes about 40% less CPU
// than the default 4 for files about 2% larger (measured by npm run bench:prefill).
const WEBP_EFFORT = 2;

export type NormalisedImage = {
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  originalType: string;
  sha256: string;
};

export function maxUploadBytes(): number {
  return Math.round(env.MAX_UPLOAD_MB * 1024 * 1024);
}

/** An accepted upload decoded once, at the stored size: auto-rotated raw pixels, no metadata. */
export type DecodedUpload = {
  pixels: Buffer;
  raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
  originalType: string;
  sha256: string;
};

/**
 * Checks an upload from its bytes (never its name or declared type), then makes the stored
 * versions: auto-rotated, metadata (EXIF, GPS) stripped, WebP, with a thumbnail.
 */
export async function normaliseImage(bytes: Buffer): Promise<NormalisedImage> {
  const decoded = await decodeUpload(bytes);
  const [full, thumb] = await Promise.all([encodeFullCopy(decoded), encodeThumbnail(decoded)]);
  return { full, thumb, width: decoded.raw.width, height: decoded.raw.height, originalType: decoded.originalType, sha256: decoded.sha256 };
}

/**
 * Checks an upload from its bytes and decodes it to pixels at the stored size. Both stored files
 * are encoded from these pixels, never from the upload, so nothing of the original file (EXIF,
 * GPS, a script hidden in a polyglot) can reach them.
 */
export async function decodeUpload(bytes: Buffer): Promise<DecodedUpload> {
  if (bytes.length === 0) throw new ImageRejectedError("That file is empty. Choose a photo (JPEG, PNG, WebP or AVIF).");
  if (bytes.length > maxUploadBytes()) {
    throw new ImageRejectedError(`That photo is larger than ${env.MAX_UPLOAD_MB} MB. Choose a smaller one.`);
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime === "image/heic" || detected?.mime === "image/heif") {
    throw new ImageRejectedError("HEIC photos can't be read here yet. Save it as JPEG (on iPhone: Settings › Camera › Formats › Most Compatible) and try again.");
  }
  if (!detected || !READABLE_TYPES.has(detected.mime)) {
    throw new ImageRejectedError("That file is not a photo Trova can read. Use a JPEG, PNG, WebP or AVIF image.");
  }

  const maxPixels = Math.round(env.MAX_UPLOAD_MEGAPIXELS * 1_000_000);
  let metadata: Metadata;
  try {
    // Reading the header only is cheap whatever the size, so the pixel count is checked here, before decoding.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejectedError("That photo could not be read; it may be damaged. Try another one.");
  }
  if (!metadata.width || !metadata.height) throw new ImageRejectedError("That photo could not be read; it may be damaged. Try another one.");
  if (metadata.width * metadata.height > maxPixels) {
    throw new ImageRejectedError(`That photo has too many pixels (over ${env.MAX_UPLOAD_MEGAPIXELS} megapixels). Choose a smaller one.`);
  }

  try {
    // Decoded once, at the stored size (failOn 'error' refuses truncated data instead of storing a
    // half-grey picture); both files are then encoded from those pixels.
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: "error", animated: false })
      .rotate()
      .resize({ width: FULL_SIZE, height: FULL_SIZE, fit: "inside", withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      pixels: data,
      raw: { width: info.width, height: info.height, channels: info.channels },
      originalType: detected.mime,
      sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
    };
  } catch {
    throw new ImageRejectedError("That photo could not be read; it may be damaged or incomplete. Try another one.");
  }
}

/** The stored copy buyers see on the listing page (and the models read): up to 1600 px, WebP. */
export function encodeFullCopy({ pixels, raw }: DecodedUpload): Promise<Buffer> {
  return sharp(pixels, { raw }).webp({ quality: 82, effort: WEBP_EFFORT }).toBuffer();
}

/**
 * What a model reads of a fresh upload while its WebP is still being written: a JPEG of the same
 * pixels, about a fifth of the WebP's encoding time (bench:prefill), no metadata either.
 */
export function encodeModelInput({ pixels, raw }: DecodedUpload): Promise<Buffer> {
  return sharp(pixels, { raw }).jpeg({ quality: 90 }).toBuffer();
}

/** The card and form thumbnail: up to 480 px, WebP. */
export function encodeThumbnail({ pixels, raw }: DecodedUpload): Promise<Buffer> {
  return sharp(pixels, { raw })
    .resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 78, effort: WEBP_EFFORT })
    .toBuffer();
}
