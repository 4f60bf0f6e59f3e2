import { percentileOfSorted } from "@/lib/percentile";
import autocannon from "autocannon";

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  requests: number;
  /** Answers other than 2xx, plus connection errors and timeouts. */
  failures: number;
};

/** The value below which `p` percent of the sorted samples fall (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return percentileOfSorted(sorted, p) ?? Number.NaN;
}

/**
 * Sends GET requests to `url` from `connections` connections for `durationSeconds`, and measures
 * every response's latency (autocannon's own summary has no 95th percentile).
 */
export async function measureLoad(url: string, options: { connections: number; durationSeconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: options.connections, duration: options.durationSeconds, timeout: 30 }, (error, finished) =>
      error ? reject(error) : resolve(finished),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) failures += 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / (result.duration || options.durationSeconds),
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    requests: latencies.length,
    // errors counts timeouts and broken connections: requests that never got an answer.
    failures: failures + result.errors,
  };
}

/**
 * One page's figures from several rounds of load: the median of the rounds' req/s, p50 and p95,
 * with every request and failure counted. Medians, because a shared machine's slow moment should
 * move one round, not the figure.
 */
export function combineRounds(rounds: LoadResult[]): LoadResult {
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  return {
    requestsPerSecond: median(rounds.map((round) => round.requestsPerSecond)),
    p50Ms: median(rounds.map((round) => round.p50Ms)),
    p95Ms: median(rounds.map((round) => round.p95Ms)),
    requests: rounds.reduce((sum, round) => sum + round.requests, 0),
    failures: rounds.reduce((sum, round) => sum + round.failures, 0),
  };
}
