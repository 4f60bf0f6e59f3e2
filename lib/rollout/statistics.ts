import { percentile } from "@/lib/percentile";
import { seededRandom, type Interval } from "@/lib/evals/statistics";

// Confidence intervals for A/B results, bootstrapped over sellers rather than calls: one
// seller's calls are not independent (the same person, items and habits), so resampling calls
// would make intervals look narrower than the evidence is.

/** One seller's contribution to a metric: a numerator and a denominator, or raw values to pool. */
export type SellerSample = { numerator: number; denominator: number; values?: number[] };

export type MetricStatistic = (sellers: readonly SellerSample[]) => number | null;

/** Sum of numerators over sum of denominators (a rate or a mean per event); null with no events. */
export const ratioStatistic: MetricStatistic = (sellers) => {
  let numerator = 0;
  let denominator = 0;
  for (const seller of sellers) {
    numerator += seller.numerator;
    denominator += seller.denominator;
  }
  return denominator > 0 ? numerator / denominator : null;
};

/** A percentile of the sellers' pooled values (e.g. p95 latency). */
export function percentileStatistic(p: number): MetricStatistic {
  return (sellers) => {
    return percentile(sellers.flatMap((seller) => seller.values ?? []), p * 100) ?? null;
  };
}

export type Verdict = "better" | "worse" | "not enough data yet";

export type VariantComparison = {
  control: number | null;
  candidate: number | null;
  /** candidate − control, with its 95 % interval; null when either side has no data. */
  difference: Interval | null;
  verdict: Verdict;
};

export type CompareOptions = {
  /** Whether a larger value is the better one (publish rate) or the worse one (latency, cost). */
  higherIsBetter: boolean;
  /** Fewer sellers than this on either side: no verdict yet. */
  minSellers?: number;
  iterations?: number;
  seed?: number;
};

function resample(sellers: readonly SellerSample[], random: () => number): SellerSample[] {
  return Array.from(sellers, () => sellers[Math.floor(random() * sellers.length)]);
}

/**
 * Compares a candidate with control on one metric: each bootstrap round resamples each side's
 * sellers with replacement and recomputes the statistic; the interval is the 2.5th–97.5th
 * percentile of the differences. The verdict needs the whole interval on one side of zero.
 */
export function compareVariants(
  control: readonly SellerSample[],
  candidate: readonly SellerSample[],
  statistic: MetricStatistic,
  options: CompareOptions,
): VariantComparison {
  const controlValue = statistic(control);
  const candidateValue = statistic(candidate);
  const minSellers = options.minSellers ?? 5;
  if (controlValue === null || candidateValue === null) return { control: controlValue, candidate: candidateValue, difference: null, verdict: "not enough data yet" };

  const iterations = options.iterations ?? 1000;
  const random = seededRandom(options.seed ?? 7);
  const differences: number[] = [];
  for (let round = 0; round < iterations; round++) {
    const a = statistic(resample(control, random));
    const b = statistic(resample(candidate, random));
    if (a !== null && b !== null) differences.push(b - a);
  }
  differences.sort((x, y) => x - y);
  const difference: Interval = {
    estimate: candidateValue - controlValue,
    low: differences[Math.floor(0.025 * differences.length)] ?? 0,
    high: differences[Math.max(0, Math.ceil(0.975 * differences.length) - 1)] ?? 0,
  };
  if (control.length < minSellers || candidate.length < minSellers) return { control: controlValue, candidate: candidateValue, difference, verdict: "not enough data yet" };
  const above = difference.low > 0;
  const below = difference.high < 0;
  const verdict: Verdict = !above && !below ? "not enough data yet" : above === options.higherIsBetter ? "better" : "worse";
  return { control: controlValue, candidate: candidateValue, difference, verdict };
}
