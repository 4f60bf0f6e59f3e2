import fs from "node:fs/promises";
import { crossValidate, fitThresholds, scoreThresholds, type LabelledDetections, type OutcomeCounts } from "@/lib/ai/local-vision/calibration";
import { LOCAL_VISION_THRESHOLDS, parseDetections, type Thresholds } from "@/lib/ai/local-vision/detections";
import { runDetector } from "@/lib/ai/local-vision/detector";
import { framePhoto } from "@/lib/ai/local-vision/frame";
import { readCaseImage, type FolderDataset } from "./dataset";

// What `npm run eval -- --model local:vision` adds for a dataset folder: the built-in reader's
// thresholds scored in-sample (the figures the run itself measured) beside k-fold cross-validated
// figures (thresholds fitted on k − 1 folds, scored on the fold left out), which are what to expect
// on photos nobody tuned on.

export const CALIBRATION_FOLDS = 5;

export type CalibrationReport = {
  shipped: Thresholds;
  inSample: OutcomeCounts;
  refitted: Thresholds;
  crossValidated: OutcomeCounts;
  folds: number;
};

/**
 * The detector's raw output for every case, read from `cachePath` when it holds them all (the
 * detector is deterministic, so a cache only saves time) and written there otherwise.
 */
export async function detectCases(dataset: FolderDataset, cachePath?: string): Promise<LabelledDetections[]> {
  let cache: Record<string, number[]> = {};
  if (cachePath) cache = await fs.readFile(cachePath, "utf8").then((text) => JSON.parse(text) as Record<string, number[]>, () => ({}));
  let changed = false;
  const photos: LabelledDetections[] = [];
  for (const evalCase of dataset.cases) {
    let output = cache[evalCase.id];
    if (!output) {
      output = Array.from(await runDetector(await framePhoto(await readCaseImage(dataset, evalCase))));
      cache[evalCase.id] = output;
      changed = true;
    }
    photos.push({ id: evalCase.id, category: evalCase.category, accept: evalCase.accept, detections: parseDetections(Float32Array.from(output)) });
  }
  if (cachePath && changed) await fs.writeFile(cachePath, JSON.stringify(cache));
  return photos;
}

export function calibrate(photos: LabelledDetections[], folds = CALIBRATION_FOLDS): CalibrationReport {
  return {
    shipped: LOCAL_VISION_THRESHOLDS,
    inSample: scoreThresholds(photos, LOCAL_VISION_THRESHOLDS),
    refitted: fitThresholds(photos),
    crossValidated: crossValidate(photos, Math.min(folds, photos.length)),
    folds: Math.min(folds, photos.length),
  };
}

const percent = (count: number, cases: number) => `${((100 * count) / Math.max(1, cases)).toFixed(1)} %`;

export function formatCalibration(report: CalibrationReport): string {
  const row = (name: string, counts: OutcomeCounts) =>
    `| ${name} | ${percent(counts.right, counts.cases)} | ${percent(counts.right + counts.accepted, counts.cases)} | ${percent(counts.wrong, counts.cases)} | ${percent(counts.abstained, counts.cases)} |`;
  const same = JSON.stringify(report.refitted) === JSON.stringify(report.shipped);
  return [
    "",
    `local:vision thresholds, in-sample and ${report.folds}-fold cross-validated (${report.inSample.cases} photos, raw files):`,
    "| | strict | lenient | confident-wrong | abstained |",
    "|---|---|---|---|---|",
    row("in-sample (shipped thresholds)", report.inSample),
    row(`cross-validated (${report.folds} folds)`, report.crossValidated),
    `Shipped: ${JSON.stringify(report.shipped)}`,
    same ? "A refit on these photos gives the same thresholds." : `A refit on these photos gives: ${JSON.stringify(report.refitted)}`,
  ].join("\n");
}
