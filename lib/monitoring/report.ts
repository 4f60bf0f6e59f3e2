import { PREFILL_FEATURE } from "@/lib/ai/prefill-contract";
import { latencyHistograms, refreshAiCallRollups, sumRange, type HistogramRow, type SumsRow } from "@/lib/db/queries/ai-call-rollups";
import { deriveMetrics, percentilesFromHistogram, ratio, type Metrics } from "./metrics";
import { rangeWindow, type MonitoringParams, type RangeWindow, type SplitKey } from "./ranges";

export type SeriesPoint = {
  /** Start of the bucket (ISO). */
  bucket: string;
  calls: number;
  /** Calls per model or prompt version. */
  bySplit: Record<string, number>;
  errorRate: number | null;
  invalidRate: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
};

export type MonitoringReport = {
  window: RangeWindow;
  split: SplitKey;
  overall: Metrics;
  /** One entry per model or prompt version, busiest first. */
  groups: { key: string; metrics: Metrics }[];
  series: SeriesPoint[];
};

/** The dashboard for a range: roll-ups brought up to date, then summed in SQL. Live traffic only (no evaluation runs, no synthetic calls unless asked). */
export async function getMonitoringReport(params: MonitoringParams, now = new Date()): Promise<MonitoringReport> {
  const window = rangeWindow(params.range, now);
  await refreshAiCallRollups();
  const includeSynthetic = params.synthetic === "include";
  const sums = await sumRange(window, PREFILL_FEATURE, params.split, includeSynthetic);
  const histograms = await latencyHistograms(window, PREFILL_FEATURE, params.split, includeSynthetic);
  return buildReport(window, params.split, sums, histograms);
}

const EMPTY_SUMS = {
  calls: 0,
  errors: 0,
  invalid: 0,
  answered: 0,
  latencyMsSum: 0,
  firstFieldCalls: 0,
  firstFieldMsSum: 0,
  tokenCalls: 0,
  inputTokens: 0,
  outputTokens: 0,
  costCalls: 0,
  costUsd: 0,
  emptyRequiredFields: 0,
  thumbsUp: 0,
  thumbsDown: 0,
  published: 0,
  publishedWithinDay: 0,
  titleEditDistanceSum: 0,
  descriptionEditDistanceSum: 0,
  categoryChanged: 0,
  priceErrorCalls: 0,
  priceLogErrorSum: 0,
  keptTitle: 0,
  keptDescription: 0,
  keptCategory: 0,
  keptCondition: 0,
  keptPrice: 0,
  keptBrand: 0,
  keptColour: 0,
  keptMaterial: 0,
  keptSize: 0,
  settledAnswered: 0,
  settledPublishedWithinDay: 0,
};

/** Puts the database's sums and histograms together into figures, per group and per bucket (every bucket, empty ones too). */
export function buildReport(window: RangeWindow, split: SplitKey, sums: SumsRow[], histograms: HistogramRow[]): MonitoringReport {
  const key = (bucket: Date | null, splitValue: string | null) => `${bucket?.toISOString() ?? "*"}|${splitValue ?? "*"}`;
  const sumsBy = new Map(sums.map((row) => [key(row.bucket, row.split), row]));
  const histogramsBy = new Map<string, HistogramRow[]>();
  for (const row of histograms) {
    const entry = key(row.bucket, row.split);
    histogramsBy.set(entry, [...(histogramsBy.get(entry) ?? []), row]);
  }
  const metricsFor = (bucket: Date | null, splitValue: string | null) =>
    deriveMetrics(sumsBy.get(key(bucket, splitValue)) ?? EMPTY_SUMS, percentilesFromHistogram(histogramsBy.get(key(bucket, splitValue)) ?? []));

  const groupRows = sums.filter((row) => row.bucket === null && row.split !== null).sort((a, b) => b.calls - a.calls || a.split!.localeCompare(b.split!));
  const groups = groupRows.map((row) => ({ key: row.split!, metrics: metricsFor(null, row.split) }));
  const series = window.buckets.map((bucket): SeriesPoint => {
    const total = sumsBy.get(key(bucket, null)) ?? EMPTY_SUMS;
    const latency = percentilesFromHistogram(histogramsBy.get(key(bucket, null)) ?? []);
    return {
      bucket: bucket.toISOString(),
      calls: total.calls,
      bySplit: Object.fromEntries(groups.map((group) => [group.key, sumsBy.get(key(bucket, group.key))?.calls ?? 0])),
      errorRate: ratio(total.errors, total.calls),
      invalidRate: ratio(total.invalid, total.calls),
      latencyP50Ms: latency.p50Ms,
      latencyP95Ms: latency.p95Ms,
    };
  });
  return { window, split, overall: metricsFor(null, null), groups, series };
}
