import { describe, expect, it } from "vitest";
import { compareVariants, percentileStatistic, ratioStatistic, type SellerSample } from "./statistics";

// Sellers who each analysed `calls` photos and published `published` of them.
const sellers = (rows: [published: number, calls: number][]): SellerSample[] =>
  rows.map(([published, calls]) => ({ numerator: published, denominator: calls }));

describe("A/B statistics over sellers", () => {
  it("computes a pooled rate and a pooled percentile", () => {
    expect(ratioStatistic(sellers([[1, 2], [3, 6]]))).toBeCloseTo(0.5);
    expect(ratioStatistic([])).toBeNull();
    const p95 = percentileStatistic(0.95)([{ numerator: 0, denominator: 0, values: [100, 300] }, { numerator: 0, denominator: 0, values: [200] }]);
    expect(p95).toBe(300);
  });

  it("calls a clear improvement better, and the same change on a lower-is-better metric worse", () => {
    const control = sellers(Array.from({ length: 40 }, (_, index) => [index % 5 === 0 ? 1 : 0, 1]));
    const candidate = sellers(Array.from({ length: 40 }, (_, index) => [index % 5 === 0 ? 0 : 1, 1]));
    const up = compareVariants(control, candidate, ratioStatistic, { higherIsBetter: true });
    expect(up.control).toBeCloseTo(0.2);
    expect(up.candidate).toBeCloseTo(0.8);
    expect(up.difference!.estimate).toBeCloseTo(0.6);
    expect(up.difference!.low).toBeGreaterThan(0.35);
    expect(up.difference!.high).toBeLessThan(0.85);
    expect(up.verdict).toBe("better");
    expect(compareVariants(control, candidate, ratioStatistic, { higherIsBetter: false }).verdict).toBe("worse");
  });

  it("has no verdict when the interval spans zero, or with too few sellers", () => {
    const same = sellers(Array.from({ length: 30 }, (_, index) => [index % 2, 1]));
    const nearlySame = sellers(Array.from({ length: 30 }, (_, index) => [index % 3 === 0 ? 0 : index % 2, 1]));
    const result = compareVariants(same, nearlySame, ratioStatistic, { higherIsBetter: true });
    expect(result.difference!.low).toBeLessThan(0);
    expect(result.difference!.high).toBeGreaterThan(0);
    expect(result.verdict).toBe("not enough data yet");
    const few = compareVariants(sellers([[0, 1], [0, 1]]), sellers([[1, 1], [1, 1]]), ratioStatistic, { higherIsBetter: true });
    expect(few.verdict).toBe("not enough data yet");
    expect(compareVariants([], sellers([[1, 1]]), ratioStatistic, { higherIsBetter: true }).difference).toBeNull();
  });

  it("is wider when one seller makes most of the calls than when calls are spread over sellers", () => {
    // The same 100 calls and the same rates; one heavy seller makes the evidence much thinner.
    const spreadControl = sellers(Array.from({ length: 50 }, (_, index) => [index % 2, 1]));
    const spreadCandidate = sellers(Array.from({ length: 50 }, (_, index) => [index % 5 === 0 ? 0 : 1, 1]));
    const heavyCandidate = sellers([[40, 45], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1]]);
    const spread = compareVariants(spreadControl, spreadCandidate, ratioStatistic, { higherIsBetter: true });
    const heavy = compareVariants(spreadControl, heavyCandidate, ratioStatistic, { higherIsBetter: true });
    const width = (comparison: typeof spread) => comparison.difference!.high - comparison.difference!.low;
    expect(width(heavy)).toBeGreaterThan(width(spread) * 1.5);
  });
});
