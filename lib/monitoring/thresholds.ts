import { z } from "zod";
import { getConsoleSetting, setConsoleSetting } from "@/lib/db/queries/console-settings";
import type { Metrics } from "./metrics";

// Limits the team sets on the Monitoring page; a metric past its limit is shown in red at the top.

export const DEFAULT_THRESHOLDS = { maxErrorRate: 0.05, maxInvalidRate: 0.05, maxP95LatencyMs: 10_000 };

export const thresholdsSchema = z.object({
  maxErrorRate: z.number().min(0).max(1),
  maxInvalidRate: z.number().min(0).max(1),
  maxP95LatencyMs: z.number().int().min(1).max(600_000),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

const percent = (label: string) =>
  z.coerce
    .number({ error: `Enter the ${label} as a percentage, e.g. 5.` })
    .min(0, `The ${label} can't be below 0%.`)
    .max(100, `The ${label} can't be above 100%.`)
    .transform((value) => value / 100);

/** The thresholds form: rates typed as percentages, latency in seconds. */
export const thresholdsFormSchema = z.object({
  maxErrorRate: percent("error rate"),
  maxInvalidRate: percent("invalid-output rate"),
  maxP95LatencyMs: z.coerce
    .number({ error: "Enter the p95 latency in seconds, e.g. 10." })
    .positive("The p95 latency must be above 0 seconds.")
    .max(600, "The p95 latency can't be above 600 seconds.")
    .transform((seconds) => Math.round(seconds * 1000)),
});

/** Stored thresholds, or the defaults for anything missing or malformed. */
export function readThresholds(stored: unknown): Thresholds {
  const parsed = thresholdsSchema.partial().safeParse(stored);
  return { ...DEFAULT_THRESHOLDS, ...(parsed.success ? parsed.data : {}) };
}

export type Breach = { metric: "errorRate" | "invalidRate" | "latencyP95Ms"; label: string; value: number; limit: number };

/** Which metrics are past their threshold. */
export function findBreaches(metrics: Metrics, thresholds: Thresholds): Breach[] {
  const checks: [Breach["metric"], string, number | null, number][] = [
    ["errorRate", "Error rate", metrics.errorRate, thresholds.maxErrorRate],
    ["invalidRate", "Invalid-output rate", metrics.invalidRate, thresholds.maxInvalidRate],
    ["latencyP95Ms", "p95 latency", metrics.latencyP95Ms, thresholds.maxP95LatencyMs],
  ];
  return checks.flatMap(([metric, label, value, limit]) => (value !== null && value > limit ? [{ metric, label, value, limit }] : []));
}

const THRESHOLDS_KEY = "monitoring.thresholds";

export async function getThresholds(): Promise<Thresholds> {
  return readThresholds(await getConsoleSetting(THRESHOLDS_KEY));
}

export async function saveThresholds(thresholds: Thresholds, adminId: string): Promise<void> {
  await setConsoleSetting(THRESHOLDS_KEY, thresholds, adminId);
}
