import sharp from "sharp";

// The detector reads a 512×512 RGB frame. The photo is shrunk into it whole (never cropped), with
// a neutral grey border of FRAME_BORDER on each side: the detector was trained on scenes where an
// object rarely fills the picture, and close-up product photos are read far better with room
// around the item (measured on the eval photos, README "Evaluating the AI").

export const FRAME_SIZE = 512;
export const FRAME_BORDER = 0.15;
export const NEUTRAL_GREY = { r: 128, g: 128, b: 128 };

/** The photo as the detector's input: FRAME_SIZE² RGB pixels, 3 bytes each, row by row. */
export async function framePhoto(photo: Uint8Array): Promise<Buffer> {
  const inner = Math.round(FRAME_SIZE * (1 - 2 * FRAME_BORDER));
  const before = Math.floor((FRAME_SIZE - inner) / 2);
  const after = FRAME_SIZE - inner - before;
  return sharp(photo, { failOn: "error" })
    .rotate()
    .flatten({ background: NEUTRAL_GREY })
    .resize(inner, inner, { fit: "contain", background: NEUTRAL_GREY })
    .extend({ top: before, bottom: after, left: before, right: after, background: NEUTRAL_GREY })
    .removeAlpha()
    .raw()
    .toBuffer();
}
