import sharp from "sharp";
import { runScreener } from "./detector";

// Photo screening: nsfwjs's MobileNetV2 (weights inside the nsfwjs package, run on the same
// WASM process as the detector) gives five class probabilities for a photo. Trova reads
// "explicit" as Porn + Hentai; "Sexy" is left out because it fires on ordinary clothing and feet
// (on the dev photos: red knit socks score 1.0), which a clothes marketplace is full of.

export const SCREEN_SIZE = 224;
export const SCREEN_CLASSES = ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"] as const;
export type ScreenClass = (typeof SCREEN_CLASSES)[number];

export type PhotoScreening = { explicit: number; classes: Record<ScreenClass, number> };

/** The photo as the classifier's input: squashed (not cropped) to 224² RGB, as nsfwjs's own resize does. */
export async function frameForScreening(photo: Uint8Array): Promise<Buffer> {
  return sharp(photo, { failOn: "error" }).rotate().flatten({ background: "#ffffff" }).resize(SCREEN_SIZE, SCREEN_SIZE, { fit: "fill" }).removeAlpha().raw().toBuffer();
}

/** The classifier's output as probabilities by class, and the explicit-content score Trova acts on. */
export function readScreening(output: Float32Array): PhotoScreening {
  const classes = Object.fromEntries(SCREEN_CLASSES.map((name, index) => [name, output[index] ?? 0])) as Record<ScreenClass, number>;
  return { explicit: Math.min(1, classes.Porn + classes.Hentai), classes };
}

/** Scores one photo, in the detector process. Throws LocalVisionBusyError when too many wait. */
export async function screenPhoto(photo: Uint8Array): Promise<PhotoScreening> {
  return readScreening(await runScreener(await frameForScreening(photo)));
}
