import { describe, expect, it } from "vitest";
import type { ListingSuggestion } from "@/lib/ai/output-schema";
import type { EvalCase } from "./dataset";
import { categoryConsistency, computeMetrics, macroF1, median, percentile } from "./metrics";
import { type CaseAnswer, scoreCase, scoreKeyword, scorePrice } from "./scorers";

const bike: EvalCase = {
  id: "bike",
  file: "bike.jpg",
  category: "Sports",
  accept: ["Vehicles"],
  item: "Road bicycle",
  keywords: ["bike", "bicycle"],
  price_eur: { min: 100, max: 300 },
};

function suggestion(overrides: Partial<ListingSuggestion> = {}): ListingSuggestion {
  return {
    title: "Red road bike",
    description: "",
    category: "Sports",
    condition: "good",
    priceEur: 200,
    brand: null,
    attributes: { colour: "red", material: null, size: null },
    confidence: { title: "high", category: "high", condition: "medium", price: "medium" },
    ...overrides,
  };
}

function answer(value: ListingSuggestion | null, extra: Partial<CaseAnswer> = {}): CaseAnswer {
  return { suggestion: value, failureReason: value ? null : "invalid_output", latencyMs: 100, inputTokens: 10, outputTokens: 5, costUsd: 0.001, ...extra };
}

describe("scoreCase", () => {
  it("scores a right answer", () => {
    const score = scoreCase(bike, answer(suggestion()));
    expect(score).toMatchObject({ valid: true, abstained: false, categoryStrict: true, categoryLenient: true, confidentWrong: false, keywordHit: true, priceInRange: true });
    expect(score.priceError).toBeCloseTo(0, 10);
  });

  it("accepts an alternative category only leniently", () => {
    const score = scoreCase(bike, answer(suggestion({ category: "Vehicles" })));
    expect(score).toMatchObject({ categoryStrict: false, categoryLenient: true, confidentWrong: false });
  });

  it("counts a confident wrong category", () => {
    const score = scoreCase(bike, answer(suggestion({ category: "Furniture" })));
    expect(score).toMatchObject({ categoryStrict: false, categoryLenient: false, confidentWrong: true });
  });

  it("treats low category confidence as an abstention: not correct, not confidently wrong", () => {
    const abstained = suggestion({ category: "Furniture", confidence: { title: "low", category: "low", condition: "low", price: "low" } });
    const score = scoreCase(bike, answer(abstained));
    expect(score).toMatchObject({ abstained: true, predictedCategory: null, categoryStrict: false, categoryLenient: false, confidentWrong: false });
  });

  it("scores an invalid answer as wrong everywhere but not confidently wrong", () => {
    const score = scoreCase(bike, answer(null));
    expect(score).toMatchObject({ valid: false, categoryStrict: false, confidentWrong: false, keywordHit: false, priceInRange: false, priceError: null });
  });
});

describe("scoreKeyword and scorePrice", () => {
  it("matches keywords as case-insensitive substrings", () => {
    expect(scoreKeyword(bike, "Vintage BICYCLE, 54 cm")).toBe(true);
    expect(scoreKeyword(bike, "Scooter")).toBe(false);
    expect(scoreKeyword(bike, null)).toBe(false);
  });
  it("measures the price error as |ln(price / midpoint)|", () => {
    expect(scorePrice(bike, 400)).toEqual({ inRange: false, error: Math.log(2) });
    expect(scorePrice(bike, 100).inRange).toBe(true);
    expect(scorePrice(bike, null)).toEqual({ inRange: false, error: null });
    expect(scorePrice(bike, 0)).toEqual({ inRange: false, error: null });
  });
});

describe("computeMetrics", () => {
  const sofa: EvalCase = { ...bike, id: "sofa", file: "sofa.jpg", category: "Furniture", accept: [], keywords: ["sofa"], price_eur: { min: 50, max: 150 } };
  const scores = [
    scoreCase(bike, answer(suggestion())),
    scoreCase(bike, answer(suggestion({ category: "Vehicles" }), { latencyMs: 300 }), 1),
    scoreCase(sofa, answer(suggestion({ category: "Sports", title: "Grey sofa", priceEur: 100 }), { costUsd: null, latencyMs: 900 })),
    scoreCase(sofa, answer(null, { latencyMs: 50 }), 1),
  ];

  it("aggregates rates, latency and cost", () => {
    const metrics = computeMetrics(scores);
    expect(metrics).toMatchObject({
      cases: 4,
      validityRate: 0.75,
      categoryAccuracy: 0.25,
      categoryAccuracyLenient: 0.5,
      confidentWrongRate: 0.25,
      keywordHitRate: 0.75,
      priceInRangeRate: 0.75,
      latencyP50Ms: 100,
      latencyP95Ms: 900,
      totalCostUsd: null,
    });
    expect(metrics.perCategory.map((row) => [row.category, row.cases, row.categoryAccuracy])).toEqual([
      ["Furniture", 2, 0],
      ["Sports", 2, 0.5],
    ]);
  });

  it("computes macro-F1 over the categories present", () => {
    // Sports: 1 right of 2 actual, 2 predicted as Sports → P = 0.5, R = 0.5, F1 = 0.5; Furniture: F1 = 0.
    expect(macroF1(scores)).toBeCloseTo(0.25, 10);
  });

  it("measures how consistent trials are", () => {
    expect(categoryConsistency(scores)).toBe(0);
    expect(categoryConsistency(scores.slice(0, 1))).toBe(1);
  });

  it("has correct percentiles and medians", () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
