// Guard rails: a candidate whose recent calls go wrong loses its traffic to control.

import type { GuardRailLimits } from "@/lib/db/json-columns";
import { percentileOfSorted } from "@/lib/percentile";

export const DEFAULT_GUARD_RAIL_LIMITS: GuardRailLimits = {
  maxErrorRate: 0.2,
  maxInvalidRate: 0.2,
  maxP95LatencyMs: 20_000,
  window: 50,
  minCalls: 10,
};

export type RecentCall = { status: "ok" | "invalid" | "error"; latencyMs: number | null };

export type GuardRailVerdict = { trip: false } | { trip: true; reason: string };

const percent = (value: number) => `${Math.round(value * 1000) / 10} %`;

/** Judges a candidate on its most recent calls (newest first); the reason is shown in the console. */
export function checkGuardRail(recentCalls: readonly RecentCall[], limits: GuardRailLimits): GuardRailVerdict {
  const calls = recentCalls.slice(0, limits.window);
  if (calls.length < limits.minCalls) return { trip: false };
  const errorRate = calls.filter((call) => call.status === "error").length / calls.length;
  if (errorRate > limits.maxErrorRate) {
    return { trip: true, reason: `Error rate ${percent(errorRate)} over its last ${calls.length} calls (limit ${percent(limits.maxErrorRate)}).` };
  }
  const invalidRate = calls.filter((call) => call.status === "invalid").length / calls.length;
  if (invalidRate > limits.maxInvalidRate) {
    return {
      trip: true,
      reason: `Invalid answers ${percent(invalidRate)} over its last ${calls.length} calls (limit ${percent(limits.maxInvalidRate)}).`,
    };
  }
  const latencies = calls.flatMap((call) => (call.latencyMs === null ? [] : [call.latencyMs])).sort((a, b) => a - b);
  if (latencies.length >= limits.minCalls) {
    const p95 = percentileOfSorted(latencies, 95);
    if (p95 !== undefined && p95 > limits.maxP95LatencyMs) {
      return { trip: true, reason: `p95 latency ${Math.round(p95)} ms over its last ${calls.length} calls (limit ${limits.maxP95LatencyMs} ms).` };
    }
  }
  return { trip: false };
}
