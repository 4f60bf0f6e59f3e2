import { describe, expect, it } from "vitest";
import type { PageResult } from "./catalogue";
import { combineRounds, type LoadResult } from "./http-load";
import { floorShare } from "./report";

const round = (requestsPerSecond: number, p95Ms = 50): LoadResult => ({ requestsPerSecond, p50Ms: p95Ms / 2, p95Ms, requests: requestsPerSecond * 2, failures: 0 });
const page = (rounds: number[]): PageResult => ({ ...combineRounds(rounds.map((rps) => round(rps))), page: "p", path: "/", found: null, roundRequestsPerSecond: rounds });

describe("rounds of load", () => {
  it("take the median of the rounds and count every request", () => {
    const combined = combineRounds([round(100, 40), round(300, 90), round(200, 60)]);
    expect(combined).toMatchObject({ requestsPerSecond: 200, p95Ms: 60, p50Ms: 30, requests: 1200, failures: 0 });
  });

  it("compare a page with the floor round by round, so a slow round moves both", () => {
    // The machine slowed down in the second round: every page lost half its rate.
    const share = floorShare(page([70, 35, 72]), page([100, 50, 100]));
    expect(share.median).toBeCloseTo(0.7);
    expect(share.lowest).toBeCloseTo(0.7);
    expect(share.highest).toBeCloseTo(0.72);
  });
});
