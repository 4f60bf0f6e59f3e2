import { z } from "zod";
import type { RollupSplit, RollupWindow } from "@/lib/db/queries/ai-call-rollups";

// The dashboard's time ranges, in whole buckets so that every bar on a chart covers the same
// length of time: the bucket under way now plus enough whole buckets before it to cover the
// range (30 days = today so far and the 30 days before). The last hour is read from the call log
// itself in 5-minute buckets; longer ranges from the hourly roll-ups.

export const RANGES = {
  hour: { label: "Last hour", minutes: 60, bucketMinutes: 5, source: "calls" },
  day: { label: "Last 24 hours", minutes: 24 * 60, bucketMinutes: 60, source: "rollups" },
  week: { label: "Last 7 days", minutes: 7 * 24 * 60, bucketMinutes: 6 * 60, source: "rollups" },
  month: { label: "Last 30 days", minutes: 30 * 24 * 60, bucketMinutes: 24 * 60, source: "rollups" },
} as const satisfies Record<string, { label: string; minutes: number; bucketMinutes: number; source: "calls" | "rollups" }>;

export type RangeKey = keyof typeof RANGES;
export const RANGE_KEYS = Object.keys(RANGES) as RangeKey[];

export const SPLITS = { model: "Model", prompt: "Prompt version" } as const satisfies Record<RollupSplit, string>;
export type SplitKey = keyof typeof SPLITS;

export const monitoringParamsSchema = z.object({
  range: z.enum(RANGE_KEYS as [RangeKey, ...RangeKey[]]).catch("day"),
  split: z.enum(["model", "prompt"]).catch("model"),
  // Synthetic calls from `npm run seed:calls` are left out of live figures unless asked for.
  synthetic: z.enum(["include"]).optional().catch(undefined),
});
export type MonitoringParams = z.infer<typeof monitoringParamsSchema>;

export type RangeWindow = RollupWindow & {
  range: RangeKey;
  /** Start of every bucket, oldest first. */
  buckets: Date[];
};

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The buckets of a range at `now`, aligned to whole bucket lengths since 1970 (UTC). */
export function rangeWindow(range: RangeKey, now = new Date()): RangeWindow {
  const { minutes, bucketMinutes, source } = RANGES[range];
  const bucketMs = bucketMinutes * MINUTE_MS;
  const buckets = minutes / bucketMinutes + 1;
  const current = Math.floor(now.getTime() / bucketMs) * bucketMs;
  const starts = Array.from({ length: buckets }, (_, index) => new Date(current - (buckets - 1 - index) * bucketMs));
  return { range, source, bucketMinutes, start: starts[0], buckets: starts, settledBefore: new Date(now.getTime() - DAY_MS) };
}
