// Nearest-rank percentiles, the one definition every figure in Trova uses (evaluations, rollout
// statistics, guard rails, benchmarks): the smallest value with at least p % of the values at or
// below it. p = 0 reads as the smallest value.

/** The p-th percentile (p in 0–100) of values already sorted ascending; undefined when there are none. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** The p-th percentile (p in 0–100) of values in any order; undefined when there are none. */
export function percentile(values: readonly number[], p: number): number | undefined {
  return percentileOfSorted([...values].sort((a, b) => a - b), p);
}
