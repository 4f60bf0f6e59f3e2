import sharp from "sharp";
import { clockSvg } from "../../lib/testing/images";

/** A JPEG drawn for the test (no copied photos): a coloured square with a darker disc. */
export async function drawPhoto(name: string, hue: { r: number; g: number; b: number }) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="600" fill="rgb(${hue.r},${hue.g},${hue.b})"/>
    <circle cx="400" cy="300" r="180" fill="rgba(0,0,0,0.35)"/></svg>`;
  const buffer = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

export function textFileNamedJpg() {
  return { name: "holiday.jpg", mimeType: "image/jpeg", buffer: Buffer.from("This is a text file, not a photo.\n") };
}

/**
 * A 4000 × 3000 JPEG the size of a phone photo (about 4 MB): a smooth scene with sensor-like
 * grain, so it compresses the way a real photo does, not like a flat colour.
 */
export async function drawPhonePhoto(name: string) {
  const width = 4000;
  const height = 3000;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="wall" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#d9c7a0"/><stop offset="1" stop-color="#6b4f2a"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#wall)"/>
    <ellipse cx="2000" cy="1600" rx="900" ry="1100" fill="#2a5ea8"/>
    <rect x="1600" y="300" width="800" height="500" rx="120" fill="#1f4880"/></svg>`;
  const grain = await sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 12 } } }).png().toBuffer();
  const buffer = await sharp(Buffer.from(svg)).composite([{ input: grain, blend: "overlay" }]).jpeg({ quality: 92 }).toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

/** A JPEG of a drawn wall clock, which the built-in local:vision model reads as a clock. */
export async function drawClockPhoto(name: string) {
  const buffer = await sharp(Buffer.from(clockSvg())).jpeg({ quality: 90 }).toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

/** A JPEG of one flat colour: nothing in it for a detector to name. */
export async function drawPlainPhoto(name: string, colour: { r: number; g: number; b: number }) {
  const buffer = await sharp({ create: { width: 800, height: 600, channels: 3, background: colour } }).jpeg({ quality: 85 }).toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}
