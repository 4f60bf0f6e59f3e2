import { describe, expect, it } from "vitest";
import { compareRuns, confusionMatrix, NO_CATEGORY, priceErrorHistogram } from "./compare";
import { computeMetrics } from "./metrics";
import type { CaseScore } from "./scorers";

function score(caseId: string, expected: CaseScore["expectedCategory"], predicted: CaseScore["predictedCategory"], priceError: number | null = null, trial = 0): CaseScore {
  return {
    caseId,
    trial,
    expectedCategory: expected,
    predictedCategory: predicted,
    valid: true,
    abstained: predicted === null,
    categoryStrict: predicted === expected,
    categoryLenient: predicted === expected,
    confidentWrong: predicted !== null && predicted !== expected,
    keywordHit: false,
    priceInRange: false,
    priceError,
    predictedPrice: null,
    title: null,
    failureReason: null,
    latencyMs: 10,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
  };
}

describe("confusionMatrix", () => {
  it("counts expected against predicted, with abstentions as (none)", () => {
    const matrix = confusionMatrix([score("a", "Books", "Books"), score("b", "Books", "Other"), score("c", "Sports", null)]);
    expect(matrix.rows).toEqual(["Sports", "Books"]);
    expect(matrix.columns).toEqual(["Sports", "Books", "Other", NO_CATEGORY]);
    expect(matrix.counts).toEqual([
      [0, 0, 0, 1],
      [0, 1, 1, 0],
    ]);
  });
});

describe("priceErrorHistogram", () => {
  it("bins errors and counts missing prices", () => {
    const { histogram, missing } = priceErrorHistogram([score("a", "Books", "Books", 0.1), score("b", "Books", "Books", 0.3), score("c", "Books", "Books", 5), score("d", "Books", "Books")], 0.25, 4);
    expect(histogram.map((bin) => bin.count)).toEqual([1, 1, 0, 1]);
    expect(histogram[3].label).toBe("≥0.75");
    expect(missing).toBe(1);
  });
});

describe("compareRuns", () => {
  it("puts regressions first and tests the paired difference", () => {
    const a = [score("x", "Books", "Books"), score("y", "Books", "Other"), score("z", "Sports", "Sports")];
    const b = [score("x", "Books", "Other"), score("y", "Books", "Books"), score("z", "Sports", "Sports")];
    const result = compareRuns({ metrics: computeMetrics(a), scores: a }, { metrics: computeMetrics(b), scores: b });
    expect(result.sharedCases).toBe(3);
    expect(result.rows.map((row) => [row.caseId, row.change])).toEqual([
      ["x", "regression"],
      ["y", "improvement"],
      ["z", "same-right"],
    ]);
    expect(result.paired).toMatchObject({ onlyA: 1, onlyB: 1, verdict: "no clear difference" });
    expect(result.deltas.find((delta) => delta.key === "categoryAccuracy")!.delta).toBeCloseTo(0, 10);
  });

  it("uses the majority of trials per case", () => {
    const a = [score("x", "Books", "Books", null, 0), score("x", "Books", "Other", null, 1), score("x", "Books", "Books", null, 2)];
    const b = [score("x", "Books", "Other", null, 0), score("x", "Books", "Other", null, 1), score("x", "Books", "Books", null, 2)];
    const result = compareRuns({ metrics: computeMetrics(a), scores: a }, { metrics: computeMetrics(b), scores: b });
    expect(result.rows[0].change).toBe("regression");
  });
});
