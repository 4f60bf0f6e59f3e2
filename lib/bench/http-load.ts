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
