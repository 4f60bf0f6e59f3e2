import sharp from "sharp";

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
