import zlib from "node:zlib";
import sharp from "sharp";

// Test images are drawn by the tests themselves: no photos are copied into the repository.

export async function makeJpeg(width = 640, height = 480, options: { gps?: boolean; orientation?: number } = {}) {
  let image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg({ quality: 90 });
  if (options.gps) {
    image = image.withExif({
      IFD0: { Make: "TestCam", Model: "Secret Model" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "53/1 20/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "6/1 15/1 0/1" },
    });
  }
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}

export async function makePng(width = 320, height = 240) {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 1 } } }).png().toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A few hundred bytes that claim to be a 50,000 × 50,000 pixel PNG (a decompression bomb). */
export function makePngBomb(width = 50_000, height = 50_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type RGB
  const row = Buffer.alloc(1 + 3 * 16);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlib.deflateSync(row)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * A wall clock drawn as an SVG: white face, black rim, twelve hour marks and two hands. The
 * built-in detector (local:vision) reads it as a clock with a clear score, so tests can check a
 * confident answer without a copied photo.
 */
export function clockSvg(width = 800, height = 600): string {
  const cx = width / 2;
  const cy = height / 2;
  const radius = Math.min(width, height) * 0.37;
  const marks = Array.from({ length: 12 }, (_, hour) => {
    const angle = (hour * Math.PI) / 6;
    const [sin, cos] = [Math.sin(angle), Math.cos(angle)];
    return `<line x1="${cx + radius * 0.82 * sin}" y1="${cy - radius * 0.82 * cos}" x2="${cx + radius * 0.91 * sin}" y2="${cy - radius * 0.91 * cos}" stroke="#111" stroke-width="10"/>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width}" height="${height}" fill="#ddd"/>
    <circle cx="${cx}" cy="${cy}" r="${radius}" fill="#fff" stroke="#111" stroke-width="20"/>${marks}
    <line x1="${cx}" y1="${cy}" x2="${cx}" y2="${cy - radius * 0.64}" stroke="#111" stroke-width="14"/>
    <line x1="${cx}" y1="${cy}" x2="${cx + radius * 0.45}" y2="${cy + radius * 0.14}" stroke="#111" stroke-width="10"/></svg>`;
}

export async function makeClockJpeg(width = 800, height = 600): Promise<Buffer> {
  return sharp(Buffer.from(clockSvg(width, height))).jpeg({ quality: 90 }).toBuffer();
}

/** A three-frame animated GIF (red, green, blue), 40 × 30. */
export async function makeAnimatedGif(): Promise<Buffer> {
  const frames = await Promise.all(
    ["#ff0000", "#00ff00", "#0000ff"].map((colour) => sharp({ create: { width: 40, height: 30, channels: 3, background: colour } }).png().toBuffer()),
  );
  return sharp(frames, { join: { animated: true } }).gif({ delay: [100, 100, 100], loop: 0 }).toBuffer();
}

/**
 * What an iPhone sends by default: a HEIF container branded "heic". (sharp cannot encode HEVC, so
 * this is an AVIF re-branded: the same box structure, which is all the upload check reads.)
 */
export async function makeHeic(): Promise<Buffer> {
  const heic = Buffer.from(await sharp({ create: { width: 40, height: 30, channels: 3, background: "#888888" } }).avif().toBuffer());
  const ftyp = heic.indexOf("ftyp");
  const boxEnd = ftyp - 4 + heic.readUInt32BE(ftyp - 4);
  for (let offset = ftyp + 4; offset < boxEnd; offset += 4) {
    if (heic.toString("latin1", offset, offset + 4) === "avif") heic.write("heic", offset, "latin1");
  }
  return heic;
}

export const POLYGLOT_PAYLOAD = '<html><body><script>alert("polyglot")</script></body></html>';

/** A real JPEG with an HTML page after its end marker: a browser sniffing it could run the script. */
export async function makeJpegHtmlPolyglot(): Promise<Buffer> {
  return Buffer.concat([await makeJpeg(64, 48), Buffer.from(POLYGLOT_PAYLOAD)]);
}

/** An HTML page with a whole JPEG inside it: starts as HTML, so it is not a photo. */
export async function makeHtmlJpegPolyglot(): Promise<Buffer> {
  return Buffer.concat([Buffer.from(`${POLYGLOT_PAYLOAD}<!--`), await makeJpeg(64, 48), Buffer.from("-->")]);
}
