import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { missingFleetPrerequisite, startFleet } from "../fleet/fleet";
import { measureLoad } from "./http-load";

// Pages per second through nginx with 1 node and with 2, in the same run: the benchmark's fleet
// row. On a 2-core machine both nodes share the same cores, so the gain is small.

export type FleetBenchRow = {
  nodes: number;
  page: string;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  failures: number;
  loadBefore: number;
  loadAfter: number;
};

export type FleetBenchOptions = {
  nodeCounts: number[];
  port: number;
  postgresUrl: string;
  /** Created (fresh) on the server of postgresUrl; default trova_bench_fleet_<port>. */
  databaseName?: string;
  redisUrl: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
};

export async function benchFleet(options: FleetBenchOptions): Promise<{ rows: FleetBenchRow[]; skipped: string | null }> {
  const databaseUrl = new URL(options.postgresUrl);
  databaseUrl.pathname = `/${options.databaseName ?? `trova_bench_fleet_${options.port}`}`;
  const missing = await missingFleetPrerequisite({ databaseUrl: databaseUrl.toString(), redisUrl: options.redisUrl });
  if (missing) return { rows: [], skipped: `the fleet row (${missing})` };

  const rows: FleetBenchRow[] = [];
  for (const nodes of options.nodeCounts) {
    options.log(`fleet: ${nodes} node(s) behind nginx…`);
    const dataDir = path.join(os.tmpdir(), `trova-bench-fleet-${options.port}-${nodes}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const fleet = await startFleet({
      nodes,
      port: options.port,
      dataDir,
      databaseUrl: databaseUrl.toString(),
      freshDatabase: true,
      redisUrl: options.redisUrl,
      nodeEnv: { SEED_DEMO: "true", AI_MODEL: "mock:instant", AI_MOCK_MODELS: "true" },
    });
    try {
      const home = await (await fetch(fleet.url)).text();
      const listing = /href="(\/listings\/[0-9a-f-]{36})"/.exec(home)?.[1];
      const pages = [
        { page: "home", path: "/" },
        ...(listing ? [{ page: "listing", path: listing }] : []),
      ];
      for (const page of pages) {
        const url = `${fleet.url}${page.path}`;
        await measureLoad(url, { connections: options.connections, durationSeconds: options.warmupSeconds });
        const loadBefore = os.loadavg()[0];
        const load = await measureLoad(url, { connections: options.connections, durationSeconds: options.durationSeconds });
        rows.push({ nodes, page: page.page, ...load, loadBefore, loadAfter: os.loadavg()[0] });
        options.log(`  ${page.page}: ${load.requestsPerSecond.toFixed(1)} req/s, p95 ${load.p95Ms} ms`);
      }
    } finally {
      await fleet.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { rows, skipped: null };
}
