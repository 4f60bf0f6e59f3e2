import { describe, expect, it } from "vitest";
import { compareCorrectness, mcnemarExact, pairedBootstrap, seededRandom } from "./statistics";

describe("mcnemarExact", () => {
  it("matches the exact binomial test on a known example", () => {
    // n = 12 discordant pairs, k = 2: 2 × (1 + 12 + 66) / 4096
    expect(mcnemarExact(10, 2)).toBeCloseTo((2 * 79) / 4096, 10);
  });
  it("is 1 with no discordant pairs and symmetric in its arguments", () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(3, 7)).toBeCloseTo(mcnemarExact(7, 3), 12);
    expect(mcnemarExact(5, 5)).toBe(1);
  });
});

describe("pairedBootstrap", () => {
  it("is repeatable with a seed", () => {
    const a = [0, 1, 0, 1, 1, 0, 0, 1];
    const b = [1, 1, 1, 1, 1, 0, 1, 1];
    expect(pairedBootstrap(a, b, { seed: 7 })).toEqual(pairedBootstrap(a, b, { seed: 7 }));
  });
  it("brackets the observed mean difference", () => {
    const a = Array.from({ length: 40 }, (_, i) => (i % 2 ? 1 : 0));
    const b = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 0 : 1));
    const interval = pairedBootstrap(a, b, { seed: 3 });
    expect(interval.estimate).toBeCloseTo(0.25, 10);
    expect(interval.low).toBeLessThan(0.25);
    expect(interval.high).toBeGreaterThan(0.25);
    expect(interval.low).toBeGreaterThan(0);
  });
  it("gives a zero-width interval when the runs agree everywhere", () => {
    expect(pairedBootstrap([1, 0, 1], [1, 0, 1])).toEqual({ estimate: 0, low: 0, high: 0 });
  });
});

describe("compareCorrectness", () => {
  it("calls a large consistent improvement better and the reverse worse", () => {
    const a = Array.from({ length: 30 }, (_, i) => i < 10);
    const b = Array.from({ length: 30 }, (_, i) => i < 25);
    expect(compareCorrectness(a, b).verdict).toBe("better");
    expect(compareCorrectness(b, a).verdict).toBe("worse");
  });
  it("does not call a one-case difference", () => {
    const a = [true, false, true, false, true];
    const b = [true, true, true, false, true];
    expect(compareCorrectness(a, b).verdict).toBe("no clear difference");
  });
});

describe("seededRandom", () => {
  it("stays within [0, 1)", () => {
    const random = seededRandom(42);
    for (let i = 0; i < 1000; i++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
