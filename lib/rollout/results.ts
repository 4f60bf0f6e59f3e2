import type { ImplicitFeedback } from "@/lib/db/json-columns";
import { compareVariants, percentileStatistic, ratioStatistic, type MetricStatistic, type SellerSample, type VariantComparison } from "./statistics";

// Per-variant results of a rollout experiment, each metric with a confidence interval
// bootstrapped over sellers and a plain verdict against control.

/** One pre-fill request in the experiment, with its call (none for the holdout) and what followed. */
export type ExposureRow = {
  variantKey: string;
  userId: string;
  createdAt: Date;
  published: boolean;
  status: "ok" | "invalid" | "error" | null;
  latencyMs: number | null;
  costUsd: number | null;
  feedbackRating: number | null;
  outcome: ImplicitFeedback | null;
};

type MetricDefinition = {
  id: string;
  label: string;
  format: "percent" | "number" | "ms" | "usd";
  higherIsBetter: boolean;
  /** The holdout gets no suggestion: only metrics about selling itself apply to it. */
  appliesToHoldout: boolean;
  statistic: MetricStatistic;
  sample: (rows: ExposureRow[], now: number) => SellerSample;
};

const DAY_MS = 24 * 3600 * 1000;
const count = (rows: ExposureRow[], test: (row: ExposureRow) => boolean) => rows.filter(test).length;
const sum = (rows: ExposureRow[], value: (row: ExposureRow) => number | null) => rows.reduce((total, row) => total + (value(row) ?? 0), 0);
const withOutcome = (rows: ExposureRow[]) => rows.filter((row): row is ExposureRow & { outcome: ImplicitFeedback } => row.published && row.outcome !== null);

/** A per-publish value averaged over the seller's publishes that have it. */
function meanOverPublished(rows: ExposureRow[], value: (outcome: ImplicitFeedback) => number | null): SellerSample {
  const values = withOutcome(rows).flatMap((row) => {
    const measured = value(row.outcome);
    return measured === null ? [] : [measured];
  });
  return { numerator: values.reduce((total, measured) => total + measured, 0), denominator: values.length };
}

export const ROLLOUT_METRICS: MetricDefinition[] = [
  {
    id: "publishRate",
    label: "Publish rate (analysed → published)",
    format: "percent",
    higherIsBetter: true,
    appliesToHoldout: true,
    statistic: ratioStatistic,
    sample: (rows) => ({ numerator: count(rows, (row) => row.published), denominator: rows.length }),
  },
  {
    id: "abandonment",
    label: "Abandoned (no publish within a day)",
    format: "percent",
    higherIsBetter: false,
    appliesToHoldout: true,
    statistic: ratioStatistic,
    sample: (rows, now) => {
      const settled = rows.filter((row) => now - row.createdAt.getTime() >= DAY_MS);
      return { numerator: count(settled, (row) => !row.published), denominator: settled.length };
    },
  },
  {
    id: "keptFields",
    label: "Fields kept unchanged",
    format: "percent",
    higherIsBetter: true,
    appliesToHoldout: false,
    statistic: ratioStatistic,
    sample: (rows) => {
      const outcomes = withOutcome(rows).map((row) => Object.values(row.outcome.fields));
      return { numerator: outcomes.flat().filter((field) => field === "kept").length, denominator: outcomes.flat().length };
    },
  },
  {
    id: "titleEdit",
    label: "Title edit distance",
    format: "number",
    higherIsBetter: false,
    appliesToHoldout: false,
    statistic: ratioStatistic,
    sample: (rows) => meanOverPublished(rows, (outcome) => outcome.titleEditDistance),
  },
  {
    id: "descriptionEdit",
    label: "Description edit distance",
    format: "number",
    higherIsBetter: false,
    appliesToHoldout: false,
    statistic: ratioStatistic,
    sample: (rows) => meanOverPublished(rows, (outcome) => outcome.descriptionEditDistance),
  },
  {
    id: "priceChange",
    label: "Price change |ln(published / suggested)|",
    format: "number",
    higherIsBetter: false,
    appliesToHoldout: false,
    statistic: ratioStatistic,
    sample: (rows) => meanOverPublished(rows, (outcome) => outcome.priceLogError),
  },
  {
    id: "thumbsUp",
    label: "Thumbs up (of rated)",
    format: "percent",
    higherIsBetter: true,
    appliesToHoldout: false,
    statistic: ratioStatistic,
    sample: (rows) => ({ numerator: count(rows, (row) => row.feedbackRating === 1), denominator: count(rows, (row) => row.feedbackRating !== null) }),
  },
  {
    id: "errorRate",
    label: "Failed calls",
    format: "percent",
    higherIsBetter: false,
    appliesToHoldout: false,
    statistic: ratioStatistic,
    sample: (rows) => ({ numerator: count(rows, (row) => row.status === "error" || row.status === "invalid"), denominator: count(rows, (row) => row.status !== null) }),
  },
  {
    id: "latencyP50",
    label: "Latency p50",
    format: "ms",
    higherIsBetter: false,
    appliesToHoldout: false,
    statistic: percentileStatistic(0.5),
    sample: (rows) => ({ numerator: 0, denominator: 0, values: rows.flatMap((row) => (row.latencyMs === null ? [] : [row.latencyMs])) }),
  },
  {
    id: "latencyP95",
    label: "Latency p95",
    format: "ms",
    higherIsBetter: false,
    appliesToHoldout: false,
    statistic: percentileStatistic(0.95),
    sample: (rows) => ({ numerator: 0, denominator: 0, values: rows.flatMap((row) => (row.latencyMs === null ? [] : [row.latencyMs])) }),
  },
  {
    id: "costPerPublished",
    label: "Cost per published listing",
    format: "usd",
    higherIsBetter: false,
    appliesToHoldout: false,
    statistic: ratioStatistic,
    sample: (rows) => ({ numerator: sum(rows, (row) => row.costUsd), denominator: count(rows, (row) => row.published) }),
  },
];

export type VariantSummary = { key: string; sellers: number; requests: number; calls: number; unknownCost: boolean };

export type MetricResult = {
  id: string;
  label: string;
  format: MetricDefinition["format"];
  values: Record<string, number | null>;
  /** Per candidate (and the holdout, for the metrics that apply to it): the comparison with control. */
  comparisons: Record<string, VariantComparison>;
};

export type RolloutResults = { variants: VariantSummary[]; metrics: MetricResult[] };

function bySeller(rows: ExposureRow[]): ExposureRow[][] {
  const groups = new Map<string, ExposureRow[]>();
  for (const row of rows) groups.set(row.userId, [...(groups.get(row.userId) ?? []), row]);
  return [...groups.values()];
}

/** Results for every variant key present (control "A" first, candidates, then the holdout). */
export function computeRolloutResults(rows: ExposureRow[], variantKeys: string[], controlKey: string, now = Date.now()): RolloutResults {
  const keys = [...variantKeys, "holdout"];
  const sellersOf = Object.fromEntries(keys.map((key) => [key, bySeller(rows.filter((row) => row.variantKey === key))]));
  const variants = keys.map((key) => {
    const own = rows.filter((row) => row.variantKey === key);
    return {
      key,
      sellers: sellersOf[key].length,
      requests: own.length,
      calls: count(own, (row) => row.status !== null),
      unknownCost: own.some((row) => row.status !== null && row.costUsd === null),
    };
  });
  const metrics = ROLLOUT_METRICS.map((metric) => {
    const samples = Object.fromEntries(keys.map((key) => [key, sellersOf[key].map((sellerRows) => metric.sample(sellerRows, now))]));
    const values = Object.fromEntries(
      keys.map((key) => [key, key === "holdout" && !metric.appliesToHoldout ? null : metric.statistic(samples[key])]),
    );
    const comparisons: Record<string, VariantComparison> = {};
    for (const key of keys) {
      if (key === controlKey || (key === "holdout" && !metric.appliesToHoldout) || sellersOf[key].length === 0) continue;
      comparisons[key] = compareVariants(samples[controlKey], samples[key], metric.statistic, { higherIsBetter: metric.higherIsBetter });
    }
    return { id: metric.id, label: metric.label, format: metric.format, values, comparisons };
  });
  return { variants, metrics };
}
