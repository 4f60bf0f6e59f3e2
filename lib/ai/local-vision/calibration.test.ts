import { describe, expect, it } from "vitest";
import type { Category } from "@/lib/listings/options";
import { crossValidate, fitThresholds, scoreThresholds, type LabelledDetections } from "./calibration";
import { COCO_CLASSES } from "./coco-classes";
import { LOCAL_VISION_THRESHOLDS, type Detection } from "./detections";

const detection = (label: string, score: number): Detection => ({
  cocoClass: COCO_CLASSES.find((cocoClass) => cocoClass.label === label)!,
  score,
  x1: 100,
  y1: 100,
  x2: 400,
  y2: 400,
});

const photo = (id: string, category: Category, ...detections: Detection[]): LabelledDetections => ({ id, category, accept: [], detections });

describe("fitThresholds", () => {
  it("raises a class's threshold when its lower scores are wrong answers", () => {
    const photos = [
      photo("a", "Electronics", detection("laptop", 0.7)),
      photo("b", "Electronics", detection("laptop", 0.65)),
      photo("c", "Electronics", detection("laptop", 0.6)),
      photo("d", "Furniture", detection("laptop", 0.34)),
      photo("e", "Other", detection("laptop", 0.33)),
      photo("f", "Books", detection("laptop", 0.32)),
    ];
    const fitted = fitThresholds(photos);
    expect(scoreThresholds(photos, fitted)).toMatchObject({ right: 3, wrong: 0, abstained: 3 });
    expect(scoreThresholds(photos, { ...LOCAL_VISION_THRESHOLDS, minScore: 0.28 })).toMatchObject({ wrong: 3 });
  });

  it("keeps the lenient value when raising it removes no wrong answer", () => {
    const photos = [photo("a", "Electronics", detection("laptop", 0.29)), photo("b", "Vehicles", detection("car", 0.3))];
    expect(fitThresholds(photos).minScore).toBe(0.26);
  });
});

describe("crossValidate", () => {
  it("scores each photo with thresholds fitted without it", () => {
    // In-sample, a threshold fitted on these photos gets every one right; a photo left out can
    // still be wrong, which is what cross-validation is there to show.
    const photos = [
      photo("a", "Electronics", detection("laptop", 0.7)),
      photo("b", "Electronics", detection("laptop", 0.31)),
      photo("c", "Furniture", detection("chair", 0.5)),
      photo("d", "Furniture", detection("chair", 0.45)),
    ];
    const result = crossValidate(photos, 4);
    expect(result.cases).toBe(4);
    expect(result.right + result.accepted + result.wrong + result.abstained).toBe(4);
  });
});
