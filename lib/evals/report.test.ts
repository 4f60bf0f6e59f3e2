import { describe, expect, it } from "vitest";
import { computeMetrics } from "./metrics";
import { checkThresholds } from "./report";

const metrics = { ...computeMetrics([]), categoryAccuracy: 0.5, categoryAccuracyLenient: 0.6, validityRate: 1, keywordHitRate: 0.4, confidentWrongRate: 0.2 };

describe("checkThresholds", () => {
  it("passes when every threshold holds", () => {
    expect(checkThresholds(metrics, { minCategoryAccuracy: 0.45, maxConfidentWrong: 0.2, minValidity: 1 })).toEqual([]);
  });
  it("names each missed threshold", () => {
    expect(checkThresholds(metrics, { minCategoryAccuracy: 0.6, maxConfidentWrong: 0.15, minKeywordHit: 0.35 })).toEqual([
      "category accuracy 50.0% is below the minimum 60.0%",
      "confident-wrong rate 20.0% is above the maximum 15.0%",
    ]);
  });
});
