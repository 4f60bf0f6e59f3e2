import { describe, expect, it } from "vitest";
import type { LabelledDetections } from "@/lib/ai/local-vision/calibration";
import { COCO_CLASSES } from "@/lib/ai/local-vision/coco-classes";
import { calibrate, formatCalibration } from "./local-vision-calibration";

const photo = (id: string, label: string, score: number, category: LabelledDetections["category"]): LabelledDetections => ({
  id,
  category,
  accept: [],
  detections: [{ cocoClass: COCO_CLASSES.find((cocoClass) => cocoClass.label === label)!, score, x1: 100, y1: 100, x2: 400, y2: 400 }],
});

describe("calibrate", () => {
  it("puts the shipped thresholds' in-sample figures beside cross-validated ones, and says when a refit differs", () => {
    const photos = [
      photo("a", "laptop", 0.7, "Electronics"),
      photo("b", "laptop", 0.33, "Furniture"),
      photo("c", "chair", 0.5, "Furniture"),
      photo("d", "vase", 0.35, "Other"),
      photo("e", "car", 0.6, "Vehicles"),
    ];
    const report = calibrate(photos, 5);
    expect(report.inSample).toEqual({ cases: 5, right: 3, accepted: 0, wrong: 1, abstained: 1 });
    expect(report.crossValidated.cases).toBe(5);
    expect(report.folds).toBe(5);
    const text = formatCalibration(report);
    expect(text).toContain("| in-sample (shipped thresholds) | 60.0 % | 60.0 % | 20.0 % | 20.0 % |");
    expect(text).toContain("cross-validated (5 folds)");
    // Fitted on these photos, the wrong laptop at 0.33 raises the bar: the shipped thresholds differ.
    expect(text).toMatch(/A refit on these photos gives: \{"minScore":0.35/);
  });
});
