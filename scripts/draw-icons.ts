// Draws Trova's app icons from public/icon.svg with sharp: the PNGs a home screen and the web
// manifest use, and favicon.ico (an ICO file holding one 32 px PNG, which every browser reads).
// Run `npx tsx scripts/draw-icons.ts` after changing the SVG; the outputs are committed.
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const publicDir = path.resolve("public");
const svg = await fs.readFile(path.join(publicDir, "icon.svg"));

const png = (size: number) => sharp(svg, { density: 300 }).resize(size, size).png().toBuffer();

await fs.writeFile(path.join(publicDir, "icon-192.png"), await png(192));
await fs.writeFile(path.join(publicDir, "icon-512.png"), await png(512));
await fs.writeFile(path.join(publicDir, "apple-touch-icon.png"), await png(180));

// ICO: a 6-byte header, one 16-byte directory entry, then the PNG itself.
const favicon = await png(32);
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt8(0, 8); // no palette
header.writeUInt8(0, 9); // reserved
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(favicon.length, 14); // image size
header.writeUInt32LE(22, 18); // image offset
await fs.writeFile(path.join(publicDir, "favicon.ico"), Buffer.concat([header, favicon]));
console.log("Icons written to public/");
