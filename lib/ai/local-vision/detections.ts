import { COCO_CLASSES, type CocoClass } from "./coco-classes";
import { FRAME_SIZE } from "./frame";

/** One box the detector found, in frame pixels (x1, y1) to (x2, y2). */
export type Detection = { cocoClass: CocoClass; score: number; x1: number; y1: number; x2: number; y2: number };

/** What the photo shows, as far as the detector can say; null when it abstains. */
export type Reading = { detection: Detection; count: number } | null;

// The model's output: 100 rows of x1, y1, x2, y2, score, class index.
const VALUES_PER_DETECTION = 6;

// Below this score a detection is closer to a guess than to a reading: the model abstains and
// the seller picks the category. Anywhere from 0.26 to 0.32 keeps confident-but-wrong answers
// rare on the eval photos (README, "Evaluating the AI"); 0.28 is the middle of that plateau.
export const MIN_SCORE = 0.28;
// Among readable detections, a larger box is more likely the item for sale than something in the
// background: rank = score + SIZE_BONUS × √(box area / frame area), at most about +0.14.
export const SIZE_BONUS = 0.2;
// Boxes smaller than this share of the frame are not counted as more of the same item.
const MIN_COUNTED_AREA = 0.005;

/** The detector's raw output as detections, skipping padding rows and unknown classes. */
export function parseDetections(output: Float32Array): Detection[] {
  const detections: Detection[] = [];
  for (let offset = 0; offset + VALUES_PER_DETECTION <= output.length; offset += VALUES_PER_DETECTION) {
    const [x1, y1, x2, y2, score, classIndex] = output.subarray(offset, offset + VALUES_PER_DETECTION);
    const cocoClass = Number.isInteger(classIndex) ? COCO_CLASSES[classIndex] : undefined;
    if (!cocoClass || !Number.isFinite(score)) continue;
    detections.push({ cocoClass, score, x1: clamp(x1), y1: clamp(y1), x2: clamp(x2), y2: clamp(y2) });
  }
  return detections;
}

/**
 * The item for sale: the best-ranked detection of a class Trova sells (not a person, an animal
 * or food) whose score reaches MIN_SCORE, and how many boxes of that class reach it too.
 */
export function readDetections(detections: Detection[]): Reading {
  const readable = detections.filter((detection) => detection.cocoClass.category !== null && detection.score >= MIN_SCORE);
  if (readable.length === 0) return null;
  const best = readable.reduce((winner, detection) => (rank(detection) > rank(winner) ? detection : winner));
  const count = readable.filter((detection) => detection.cocoClass === best.cocoClass && areaShare(detection) >= MIN_COUNTED_AREA).length;
  return { detection: best, count: Math.max(1, count) };
}

export function areaShare(detection: Detection): number {
  return (Math.max(0, detection.x2 - detection.x1) * Math.max(0, detection.y2 - detection.y1)) / (FRAME_SIZE * FRAME_SIZE);
}

function rank(detection: Detection): number {
  return detection.score + SIZE_BONUS * Math.sqrt(areaShare(detection));
}

function clamp(pixel: number): number {
  return Math.min(FRAME_SIZE, Math.max(0, pixel));
}
