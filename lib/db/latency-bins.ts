// Latencies are kept per hour as histograms rather than one value per call, so a percentile over
// 30 days reads a few thousand rows. Bin n holds latencies from RATIO^n up to RATIO^(n+1) ms;
// reading a bin back as its geometric middle puts any percentile within ±5% of the exact value.
export const LATENCY_BIN_RATIO = 1.1;

/** The bin a latency falls in (what the SQL roll-up computes as floor(ln(ms) / ln(ratio))). */
export function latencyBin(latencyMs: number): number {
  return Math.floor(Math.log(Math.max(latencyMs, 1)) / Math.log(LATENCY_BIN_RATIO));
}

/** The latency a bin stands for: the geometric middle of its bounds, in whole milliseconds. */
export function latencyOfBin(bin: number): number {
  return Math.round(LATENCY_BIN_RATIO ** (bin + 0.5));
}
