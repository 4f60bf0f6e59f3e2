// Is a difference between two runs more than noise? Both tests pair the runs case by case.

function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += Math.log(n - k + i) - Math.log(i);
  return sum;
}

/**
 * Exact McNemar test on paired correctness: `onlyA` cases right in A and wrong in B, `onlyB` the
 * reverse. Two-sided p-value of the binomial test on the discordant pairs (exact, so it holds
 * for the small counts of an eval set).
 */
export function mcnemarExact(onlyA: number, onlyB: number): number {
  const n = onlyA + onlyB;
  if (n === 0) return 1;
  const k = Math.min(onlyA, onlyB);
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += Math.exp(logChoose(n, i) - n * Math.LN2);
  return Math.min(1, 2 * tail);
}

/** A small seeded generator, so a bootstrap gives the same interval every time it runs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Interval = { estimate: number; low: number; high: number };

/**
 * Paired bootstrap of mean(b − a): resample the pairs with replacement and take the 2.5th and
 * 97.5th percentiles of the resampled mean differences.
 */
export function pairedBootstrap(a: number[], b: number[], options: { iterations?: number; seed?: number } = {}): Interval {
  if (a.length !== b.length) throw new Error("paired samples must have the same length");
  const n = a.length;
  if (n === 0) return { estimate: 0, low: 0, high: 0 };
  const differences = a.map((value, index) => b[index] - value);
  const estimate = differences.reduce((sum, value) => sum + value, 0) / n;
  const iterations = options.iterations ?? 2000;
  const random = seededRandom(options.seed ?? 1);
  const means: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += differences[Math.floor(random() * n)];
    means.push(sum / n);
  }
  means.sort((x, y) => x - y);
  return { estimate, low: means[Math.floor(0.025 * iterations)], high: means[Math.ceil(0.975 * iterations) - 1] };
}

export type PairedVerdict = "better" | "worse" | "no clear difference";

/** Compares B with A on per-case correctness (1/0), with the interval and McNemar's p. */
export function compareCorrectness(a: boolean[], b: boolean[], options?: { iterations?: number; seed?: number }) {
  const onlyA = a.filter((right, index) => right && !b[index]).length;
  const onlyB = b.filter((right, index) => right && !a[index]).length;
  const interval = pairedBootstrap(a.map(Number), b.map(Number), options);
  const pValue = mcnemarExact(onlyA, onlyB);
  const verdict: PairedVerdict = pValue < 0.05 && interval.low > 0 ? "better" : pValue < 0.05 && interval.high < 0 ? "worse" : "no clear difference";
  return { onlyA, onlyB, pValue, difference: interval, verdict };
}
