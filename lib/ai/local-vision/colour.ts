import type { Detection } from "./detections";
import { FRAME_SIZE, NEUTRAL_GREY } from "./frame";

// The item's colour in plain English, from the pixels inside its box in the detector's frame.

// Only the middle half of the box (each way) is sampled: a box's edges are mostly background.
const SAMPLED_SHARE = 0.5;
// The commonest colour names the item only if it covers this share of the sampled pixels;
// a multicoloured item gets no colour rather than a misleading one.
const MIN_DOMINANT_SHARE = 0.35;
// A colour covering this share of the photo outside the box is the background (a wall, a floor,
// a studio sweep). Inside the box it is skipped, since thin items (a bicycle, a chair) show a lot
// of it, unless it fills the box so much that it must be the item's own colour.
const BACKGROUND_SHARE = 0.5;
const ITEM_IN_BACKGROUND_COLOUR_SHARE = 0.8;
// Every other pixel each way is plenty for a share, and keeps this main-thread work to a few ms.
const STRIDE = 2;

type Box = Pick<Detection, "x1" | "y1" | "x2" | "y2">;

/** The dominant colour inside the detection's box, or null when no colour clearly dominates. */
export function dominantColour(frame: Uint8Array, box: Box): string | null {
  const margin = (1 - SAMPLED_SHARE) / 2;
  const width = box.x2 - box.x1;
  const height = box.y2 - box.y1;
  const centre = {
    x1: Math.max(0, Math.floor(box.x1 + width * margin)),
    x2: Math.min(FRAME_SIZE, Math.ceil(box.x2 - width * margin)),
    y1: Math.max(0, Math.floor(box.y1 + height * margin)),
    y2: Math.min(FRAME_SIZE, Math.ceil(box.y2 - height * margin)),
  };
  const inside = countColours(frame, (x, y) => x >= centre.x1 && x < centre.x2 && y >= centre.y1 && y < centre.y2);
  const outside = countColours(frame, (x, y) => x < box.x1 || x >= box.x2 || y < box.y1 || y >= box.y2);
  const background = commonest(outside);
  // The background's pixels still count in the total: an item must show its colour in enough of
  // the box on its own, or it gets none (a thin frame against a wall says little about its colour).
  if (background && background.share >= BACKGROUND_SHARE && (inside.counts.get(background.name) ?? 0) < inside.total * ITEM_IN_BACKGROUND_COLOUR_SHARE) {
    inside.counts.delete(background.name);
  }
  const item = commonest(inside);
  return item && item.share >= MIN_DOMINANT_SHARE ? item.name : null;
}

type ColourCounts = { counts: Map<string, number>; total: number };

/** Colour names of the photo's pixels where `include` holds; the neutral border is not the photo. */
function countColours(frame: Uint8Array, include: (x: number, y: number) => boolean): ColourCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (let y = 0; y < FRAME_SIZE; y += STRIDE) {
    for (let x = 0; x < FRAME_SIZE; x += STRIDE) {
      if (!include(x, y)) continue;
      const index = (y * FRAME_SIZE + x) * 3;
      const [red, green, blue] = [frame[index], frame[index + 1], frame[index + 2]];
      if (red === NEUTRAL_GREY.r && green === NEUTRAL_GREY.g && blue === NEUTRAL_GREY.b) continue;
      const name = nameColour(red, green, blue);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      total += 1;
    }
  }
  return { counts, total };
}

function commonest({ counts, total }: ColourCounts): { name: string; share: number } | null {
  if (total <= 0 || counts.size === 0) return null;
  const [name, count] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return { name, share: count / total };
}

/** A plain colour name for one pixel, from its hue, saturation and brightness. */
export function nameColour(red: number, green: number, blue: number): string {
  const max = Math.max(red, green, blue);
  const min = Math.min(red, green, blue);
  const value = max / 255;
  const saturation = max === 0 ? 0 : (max - min) / max;
  if (value < 0.2) return "black";
  if (saturation < 0.15) {
    if (value > 0.85) return "white";
    return value < 0.3 ? "black" : "grey";
  }
  const hue = hueOf(red, green, blue, max, min);
  if (hue >= 20 && hue < 50 && saturation < 0.35 && value > 0.7) return "beige";
  // Tan and chestnut (wood, leather, a teddy bear) are brown to a seller, not orange.
  if (hue >= 10 && hue < 50 && (value < 0.6 || (saturation < 0.7 && value < 0.85))) return "brown";
  if (hue < 15 || hue >= 340) return saturation < 0.45 && value > 0.75 ? "pink" : "red";
  if (hue < 40) return "orange";
  if (hue < 70) return "yellow";
  if (hue < 165) return "green";
  if (hue < 255) return "blue";
  if (hue < 290) return "purple";
  return "pink";
}

function hueOf(red: number, green: number, blue: number, max: number, min: number): number {
  const range = max - min;
  if (range === 0) return 0;
  let hue: number;
  if (max === red) hue = ((green - blue) / range) % 6;
  else if (max === green) hue = (blue - red) / range + 2;
  else hue = (red - green) / range + 4;
  return (hue * 60 + 360) % 360;
}
