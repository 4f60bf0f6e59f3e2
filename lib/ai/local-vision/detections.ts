import { COCO_CLASSES, type CocoClass } from "./coco-classes";
import { FRAME_SIZE } from "./frame";

/** One box the detector found, in frame pixels (x1, y1) to (x2, y2). */
export type Detection = { cocoClass: CocoClass; score: number; x1: number; y1: number; x2: number; y2: number };

/** What the photo shows, as far as the detector can say; null when it abstains. */
export type Reading = { detection: Detection; count: number } | null;

// The model's output: 100 rows of x1, y1, x2, y2, score, class index.
const VALUES_PER_DETECTION = 6;

// A COCO detector gives every photo some boxes; most of them are guesses. The reader answers only
// with a detection that passes three rules, and otherwise abstains (the seller picks the category):
//  1. its category is one Trova sells (not a person, an animal or food);
//  2. its score reaches its class's threshold: a global one, raised for the classes that fire on
//     almost anything, and raised further for a class whose own photos say so;
//  3. its box covers at least a minimum share of the frame (a tiny cup in the corner of an
//     espresso-machine photo is not the item), unless several boxes of the class agree (a pile
//     of books).
// The numbers are fitted on labelled photos, and measured on photos they were not fitted on, by
// calibration.ts.

export type Thresholds = {
  minScore: number;
  minArea: number;
  /** What a class in FIRES_ON_ANYTHING needs (never below ANYTHING_FLOOR). */
  anythingMinScore: number;
  /** Class label → the score it needs, where its own photos ask for more. */
  classMinScore: Record<string, number>;
};

/**
 * The thresholds local:vision ships with: `fitThresholds` (calibration.ts) on the 69 dev photos,
 * ../shared/eval/dev. `npm run eval -- --model local:vision` refits them, cross-validates them and
 * says when a refit would differ. No class decided enough photos for a threshold of its own.
 */
export const LOCAL_VISION_THRESHOLDS: Thresholds = { minScore: 0.28, minArea: 0.01, anythingMinScore: 0.4, classMinScore: {} };

// Classes the detector gives to almost anything with a round, boxy or leafy outline (a vase for a
// piggy bank, an oven for a piano, a bed for a wardrobe, a clock for a guitar). Each has too few
// photos for a threshold of its own, so they share one, fitted on all of them together and never
// below ANYTHING_FLOOR: a small dataset cannot talk the reader into trusting them.
export const FIRES_ON_ANYTHING: ReadonlySet<string> = new Set([
  "vase",
  "potted plant",
  "oven",
  "suitcase",
  "bed",
  "clock",
  "scissors",
  "kite",
  "umbrella",
  "toilet",
  "sink",
]);
export const ANYTHING_FLOOR = 0.4;

// Among readable detections, a larger box is more likely the item for sale than something in the
// background: rank = score + SIZE_BONUS × √(box area / frame area), at most about +0.14.
export const SIZE_BONUS = 0.2;
// Boxes smaller than this share of the frame are not counted as more of the same item.
const MIN_COUNTED_AREA = 0.005;
// That many boxes of one class make a small-box reading believable (a pile, a shelf of books).
const AGREEING_BOXES = 3;

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

/** The score a detection of this class needs before the reader answers with it. */
export function classThreshold(label: string, thresholds: Thresholds = LOCAL_VISION_THRESHOLDS): number {
  const group = FIRES_ON_ANYTHING.has(label) ? Math.max(ANYTHING_FLOOR, thresholds.anythingMinScore) : 0;
  return Math.max(thresholds.minScore, group, thresholds.classMinScore[label] ?? 0);
}

/** The item for sale under the rules above, and how many boxes of its class agree; null to abstain. */
export function readDetections(detections: Detection[], thresholds: Thresholds = LOCAL_VISION_THRESHOLDS): Reading {
  const passing = detections.filter(
    (detection) => detection.cocoClass.category !== null && detection.score >= classThreshold(detection.cocoClass.label, thresholds),
  );
  const counted = (cocoClass: CocoClass) =>
    passing.filter((detection) => detection.cocoClass === cocoClass && areaShare(detection) >= MIN_COUNTED_AREA).length;
  const readable = passing.filter((detection) => areaShare(detection) >= thresholds.minArea || counted(detection.cocoClass) >= AGREEING_BOXES);
  if (readable.length === 0) return null;
  const best = readable.reduce((winner, detection) => (rank(detection) > rank(winner) ? detection : winner));
  return { detection: best, count: Math.max(1, counted(best.cocoClass)) };
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
