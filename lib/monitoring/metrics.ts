import type { MetricSums, SummedColumn } from "@/lib/db/queries/ai-call-rollups";
import { COMPARED_FIELDS, type ComparedField } from "@/lib/db/json-columns";
import { latencyOfBin } from "@/lib/db/latency-bins";

// Turns the sums the database aggregates (per bucket, per model or prompt version, or overall)
// into the figures the dashboard shows. Every rate has its denominator beside it, and is null
// when there is nothing to divide by.

/** Nearest-rank p50 and p95 read from a latency histogram, in ms (null without calls). */
export type LatencyPercentiles = { p50Ms: number | null; p95Ms: number | null };

export type Metrics = {
  calls: number;
  errorRate: number | null;
  invalidRate: number | null;
  /** Share of the four required fields (title, category, condition, price) that valid answers left empty. */
  emptyRequiredShare: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  firstFieldMeanMs: number | null;
  tokensPerCall: number | null;
  costPerCallUsd: number | null;
  /** Calls whose cost is unknown (no price for the model, or no token counts). */
  costUnknownCalls: number;
  published: number;
  tokensPerPublished: number | null;
  costPerPublishedUsd: number | null;
  ratedCalls: number;
  thumbsUpRate: number | null;
  publishRate: number | null;
  /** Answered calls over a day old that did not lead to a listing within the day. */
  abandonedRate: number | null;
  keepRate: Record<ComparedField, number | null>;
  titleEditDistance: number | null;
  descriptionEditDistance: number | null;
  categoryChangeRate: number | null;
  meanPriceLogError: number | null;
};

export const REQUIRED_FIELD_COUNT = 4;

const KEPT_COLUMNS: Record<ComparedField, SummedColumn> = {
  title: "keptTitle",
  description: "keptDescription",
  category: "keptCategory",
  condition: "keptCondition",
  price: "keptPrice",
  brand: "keptBrand",
  colour: "keptColour",
  material: "keptMaterial",
  size: "keptSize",
};

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export function deriveMetrics(sums: MetricSums, latency: LatencyPercentiles): Metrics {
  const tokens = sums.inputTokens + sums.outputTokens;
  const rated = sums.thumbsUp + sums.thumbsDown;
  return {
    calls: sums.calls,
    errorRate: ratio(sums.errors, sums.calls),
    invalidRate: ratio(sums.invalid, sums.calls),
    emptyRequiredShare: ratio(sums.emptyRequiredFields, sums.answered * REQUIRED_FIELD_COUNT),
    latencyP50Ms: latency.p50Ms,
    latencyP95Ms: latency.p95Ms,
    firstFieldMeanMs: ratio(sums.firstFieldMsSum, sums.firstFieldCalls),
    tokensPerCall: ratio(tokens, sums.tokenCalls),
    costPerCallUsd: ratio(sums.costUsd, sums.costCalls),
    costUnknownCalls: sums.calls - sums.costCalls,
    published: sums.published,
    // Per published listing: everything spent in the range (failed and abandoned calls too) over what it produced.
    tokensPerPublished: sums.tokenCalls > 0 ? ratio(tokens, sums.published) : null,
    costPerPublishedUsd: sums.costCalls > 0 ? ratio(sums.costUsd, sums.published) : null,
    ratedCalls: rated,
    thumbsUpRate: ratio(sums.thumbsUp, rated),
    publishRate: ratio(sums.published, sums.answered),
    abandonedRate: ratio(sums.settledAnswered - sums.settledPublishedWithinDay, sums.settledAnswered),
    keepRate: Object.fromEntries(COMPARED_FIELDS.map((field) => [field, ratio(sums[KEPT_COLUMNS[field]], sums.published)])) as Record<ComparedField, number | null>,
    titleEditDistance: ratio(sums.titleEditDistanceSum, sums.published),
    descriptionEditDistance: ratio(sums.descriptionEditDistanceSum, sums.published),
    categoryChangeRate: ratio(sums.categoryChanged, sums.published),
    meanPriceLogError: ratio(sums.priceLogErrorSum, sums.priceErrorCalls),
  };
}

/** Nearest-rank percentiles from a histogram of (bin, calls), read as each bin's middle. */
export function percentilesFromHistogram(histogram: { bin: number; calls: number }[]): LatencyPercentiles {
  const sorted = [...histogram].filter((entry) => entry.calls > 0).sort((a, b) => a.bin - b.bin);
  const total = sorted.reduce((sum, entry) => sum + entry.calls, 0);
  const at = (p: number) => {
    const rank = Math.ceil(p * total);
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.calls;
      if (seen >= rank) return latencyOfBin(entry.bin);
    }
    return null;
  };
  return total === 0 ? { p50Ms: null, p95Ms: null } : { p50Ms: at(0.5), p95Ms: at(0.95) };
}
