import { describe, expect, it } from "vitest";
import { percentile, percentileOfSorted } from "./percentile";

describe("percentile (nearest rank)", () => {
  it("picks the smallest value with p % of the values at or below it", () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 95)).toBe(50);
    expect(percentile(values, 100)).toBe(50);
  });

  it("reads p = 0 as the smallest value and sorts a copy", () => {
    const values = [3, 1, 2];
    expect(percentile(values, 0)).toBe(1);
    expect(values).toEqual([3, 1, 2]);
  });

  it("has no percentile of nothing", () => {
    expect(percentileOfSorted([], 50)).toBeUndefined();
  });
});
