import type { EvalMetrics } from "./metrics";
import type { EvalRunReport } from "./runner";

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

export const METRIC_LABELS: Record<string, string> = {
  validityRate: "Validity",
  categoryAccuracy: "Category accuracy (strict)",
  categoryAccuracyLenient: "Category accuracy (lenient)",
  macroF1: "Macro-F1",
  confidentWrongRate: "Confident-wrong rate",
  keywordHitRate: "Keyword hit rate",
  priceInRangeRate: "Price in range",
  medianPriceError: "Median price error",
  latencyP50Ms: "Latency p50",
  latencyP95Ms: "Latency p95",
  totalCostUsd: "Total cost",
};

/** A metric as people read it: rates in %, latency in ms, cost in $, errors as |ln| ratios. */
export function formatMetric(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  if (key.endsWith("Ms")) return `${Math.round(value)} ms`;
  if (key === "totalCostUsd") return `$${value.toFixed(4)}`;
  if (key === "macroF1" || key === "medianPriceError") return value.toFixed(3);
  return pct(value);
}

/** A difference between two runs of a metric, signed, in the metric's unit (rates in points). */
export function formatDelta(key: string, delta: number | null): string {
  if (delta === null) return "–";
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  const size = Math.abs(delta);
  if (key.endsWith("Ms")) return `${sign}${Math.round(size)} ms`;
  if (key === "totalCostUsd") return `${sign}$${size.toFixed(4)}`;
  if (key === "macroF1" || key === "medianPriceError") return `${sign}${size.toFixed(3)}`;
  return `${sign}${(size * 100).toFixed(1)} pts`;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

/** The per-category table and the aggregates, as the CLI prints them. */
export function formatReport(report: EvalRunReport): string {
  const { metrics, run } = report;
  const perCategory = table(
    ["category", "cases", "strict", "lenient", "abstain", "keyword", "price ok"],
    metrics.perCategory.map((row) => [
      row.category,
      String(row.cases),
      pct(row.categoryAccuracy),
      pct(row.categoryAccuracyLenient),
      pct(row.abstentionRate),
      pct(row.keywordHitRate),
      pct(row.priceInRangeRate),
    ]),
  );
  const aggregates = table(
    ["metric", "value"],
    [
      ["cases (× trials)", String(metrics.cases)],
      ["validity rate", pct(metrics.validityRate)],
      ["category accuracy (strict)", pct(metrics.categoryAccuracy)],
      ["category accuracy (lenient)", pct(metrics.categoryAccuracyLenient)],
      ["macro-F1", metrics.macroF1.toFixed(3)],
      ["confident-wrong rate", pct(metrics.confidentWrongRate)],
      ["abstention rate", pct(metrics.abstentionRate)],
      ["keyword hit rate", pct(metrics.keywordHitRate)],
      ["price in range", pct(metrics.priceInRangeRate)],
      ["median price error |ln|", metrics.medianPriceError === null ? "–" : metrics.medianPriceError.toFixed(3)],
      ["category consistency", pct(metrics.categoryConsistency)],
      ["latency p50 / p95", `${metrics.latencyP50Ms} / ${metrics.latencyP95Ms} ms`],
      ["tokens in / out", `${metrics.totalInputTokens} / ${metrics.totalOutputTokens}`],
      ["total cost", metrics.totalCostUsd === null ? "unknown" : `$${metrics.totalCostUsd.toFixed(4)}`],
    ],
  );
  return [
    `Run ${run.id}: ${run.dataset.name} v${run.dataset.version}, model ${run.model}, prompt ${run.prompt.id}@${run.prompt.version} (${run.prompt.hash})`,
    "",
    perCategory,
    "",
    aggregates,
  ].join("\n");
}

export type Thresholds = Partial<{
  minCategoryAccuracy: number;
  minLenientAccuracy: number;
  minValidity: number;
  minKeywordHit: number;
  maxConfidentWrong: number;
}>;

/** Every threshold the metrics miss, as a sentence; empty when all hold. */
export function checkThresholds(metrics: EvalMetrics, thresholds: Thresholds): string[] {
  const misses: string[] = [];
  const below = (name: string, value: number, limit: number | undefined) => {
    if (limit !== undefined && value < limit) misses.push(`${name} ${pct(value)} is below the minimum ${pct(limit)}`);
  };
  below("category accuracy", metrics.categoryAccuracy, thresholds.minCategoryAccuracy);
  below("lenient category accuracy", metrics.categoryAccuracyLenient, thresholds.minLenientAccuracy);
  below("validity rate", metrics.validityRate, thresholds.minValidity);
  below("keyword hit rate", metrics.keywordHitRate, thresholds.minKeywordHit);
  if (thresholds.maxConfidentWrong !== undefined && metrics.confidentWrongRate > thresholds.maxConfidentWrong) {
    misses.push(`confident-wrong rate ${pct(metrics.confidentWrongRate)} is above the maximum ${pct(thresholds.maxConfidentWrong)}`);
  }
  return misses;
}
