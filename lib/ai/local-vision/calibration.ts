import type { Category } from "@/lib/listings/options";
import { ANYTHING_FLOOR, classThreshold, readDetections, type Detection, type Thresholds } from "./detections";

// How the built-in reader's thresholds (detections.ts) are chosen, and what they are worth on
// photos they were not chosen on. They are fitted on labelled photos by minimising
// (wrong answers × WRONG_COST − right answers): an abstention costs nothing, a confident wrong
// answer costs more than a right one gains. `crossValidate` scores them on held-out folds.

/** One labelled photo: what the detector saw, and the categories a fair reader would accept. */
export type LabelledDetections = { id: string; detections: Detection[]; category: Category; accept: readonly Category[] };

// A confident wrong answer costs this many right ones: abstaining is better than guessing.
export const WRONG_COST = 3;
// A class gets its own threshold only when it decided at least this many training photos.
const MIN_CLASS_SUPPORT = 4;

// Each grid runs from lenient to strict. On a tie the more lenient value stays: in cross-validation,
// ties broken towards strict gave up right answers on the held-out folds without removing wrong ones.
const SCORE_GRID = [0.26, 0.28, 0.3, 0.32, 0.35, 0.38, 0.4];
const AREA_GRID = [0, 0.005, 0.01, 0.02, 0.03];
const ANYTHING_GRID = [ANYTHING_FLOOR, 0.45, 0.5, 0.55, 0.6];
const CLASS_GRID = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 1.01];

/** right: the expected category; accepted: another one a fair reader accepts (not strict, not wrong). */
export type Outcome = "right" | "accepted" | "wrong" | "abstained";

export function outcome(photo: LabelledDetections, thresholds: Thresholds): Outcome {
  const category = readDetections(photo.detections, thresholds)?.detection.cocoClass.category;
  if (!category) return "abstained";
  if (category === photo.category) return "right";
  return photo.accept.includes(category) ? "accepted" : "wrong";
}

function loss(photos: LabelledDetections[], thresholds: Thresholds): number {
  let total = 0;
  for (const photo of photos) {
    const result = outcome(photo, thresholds);
    if (result === "wrong") total += WRONG_COST;
    else if (result !== "abstained") total -= 1;
  }
  return total;
}

/**
 * Thresholds fitted on these photos: the global score, box-size and fires-on-anything rules first,
 * then, for each class that decided enough photos, its own score where that lowers the loss.
 */
export function fitThresholds(photos: LabelledDetections[]): Thresholds {
  let best: Thresholds = { minScore: SCORE_GRID[0], minArea: AREA_GRID[0], anythingMinScore: ANYTHING_GRID[0], classMinScore: {} };
  let bestLoss = Number.POSITIVE_INFINITY;
  for (const minScore of SCORE_GRID) {
    for (const minArea of AREA_GRID) {
      for (const anythingMinScore of ANYTHING_GRID) {
        const candidate = { minScore, minArea, anythingMinScore, classMinScore: {} };
        const candidateLoss = loss(photos, candidate);
        if (candidateLoss < bestLoss) {
          best = candidate;
          bestLoss = candidateLoss;
        }
      }
    }
  }
  const decidedBy = new Map<string, LabelledDetections[]>();
  for (const photo of photos) {
    const label = readDetections(photo.detections, best)?.detection.cocoClass.label;
    if (label) decidedBy.set(label, [...(decidedBy.get(label) ?? []), photo]);
  }
  const classMinScore: Record<string, number> = {};
  for (const [label, decided] of decidedBy) {
    if (decided.length < MIN_CLASS_SUPPORT) continue;
    let classLoss = loss(decided, best);
    for (const score of CLASS_GRID.filter((value) => value > classThreshold(label, best))) {
      const candidateLoss = loss(decided, { ...best, classMinScore: { [label]: score } });
      if (candidateLoss < classLoss) {
        classMinScore[label] = score;
        classLoss = candidateLoss;
      }
    }
  }
  return { ...best, classMinScore };
}

/** How many photos came out each way. */
export type OutcomeCounts = { cases: number } & Record<Outcome, number>;

function count(outcomes: Outcome[]): OutcomeCounts {
  const counts: OutcomeCounts = { cases: outcomes.length, right: 0, accepted: 0, wrong: 0, abstained: 0 };
  for (const result of outcomes) counts[result] += 1;
  return counts;
}

/** In-sample: every photo under the given thresholds. */
export function scoreThresholds(photos: LabelledDetections[], thresholds: Thresholds): OutcomeCounts {
  return count(photos.map((photo) => outcome(photo, thresholds)));
}

/**
 * k-fold cross-validation: the photos are dealt into k folds in a fixed order (by id, so a run is
 * repeatable), thresholds are fitted on k − 1 folds and each photo is scored in the fold left out.
 */
export function crossValidate(photos: LabelledDetections[], folds: number): OutcomeCounts {
  const ordered = [...photos].sort((a, b) => a.id.localeCompare(b.id));
  const outcomes: Outcome[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const training = ordered.filter((_, index) => index % folds !== fold);
    const thresholds = fitThresholds(training);
    for (const photo of ordered.filter((_, index) => index % folds === fold)) outcomes.push(outcome(photo, thresholds));
  }
  return count(outcomes);
}
