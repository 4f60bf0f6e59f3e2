import { describe, expect, it } from "vitest";
import type { GuardRailLimits } from "@/lib/db/json-columns";
import { checkGuardRail, type RecentCall } from "./guard-rails";

const limits: GuardRailLimits = { maxErrorRate: 0.2, maxInvalidRate: 0.1, maxP95LatencyMs: 5000, window: 20, minCalls: 10 };
const ok = (latencyMs = 800): RecentCall => ({ status: "ok", latencyMs });

describe("guard rail", () => {
  it("waits for enough calls before judging", () => {
    expect(checkGuardRail(Array(9).fill({ status: "error", latencyMs: 100 }), limits)).toEqual({ trip: false });
  });

  it("trips on the error rate and says why", () => {
    const calls = [...Array(5).fill({ status: "error", latencyMs: 100 }), ...Array(15).fill(ok())];
    const verdict = checkGuardRail(calls, limits);
    expect(verdict).toEqual({ trip: true, reason: "Error rate 25 % over its last 20 calls (limit 20 %)." });
  });

  it("stays put at the limit itself", () => {
    const calls = [...Array(4).fill({ status: "error", latencyMs: 100 }), ...Array(16).fill(ok())];
    expect(checkGuardRail(calls, limits).trip).toBe(false);
  });

  it("trips on invalid answers and on slow answers", () => {
    const invalid = [...Array(3).fill({ status: "invalid", latencyMs: 100 }), ...Array(17).fill(ok())];
    expect(checkGuardRail(invalid, limits)).toMatchObject({ trip: true, reason: expect.stringMatching(/^Invalid answers 15 %/) });
    const slow = [...Array(2).fill(ok(9000)), ...Array(18).fill(ok())];
    expect(checkGuardRail(slow, limits)).toMatchObject({ trip: true, reason: expect.stringMatching(/^p95 latency 9000 ms/) });
  });

  it("judges only the most recent window", () => {
    // Newest first: twenty good calls, then older failures outside the window.
    const calls = [...Array(20).fill(ok()), ...Array(20).fill({ status: "error", latencyMs: 100 })];
    expect(checkGuardRail(calls, limits).trip).toBe(false);
  });
});
