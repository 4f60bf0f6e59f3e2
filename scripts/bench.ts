// How fast Trova serves its public pages as the catalogue grows, on PGlite and on PostgreSQL,
// plus the pre-fill overhead; writes BENCHMARKS.md. Not a timed test: figures for the README.
//   npm run bench
//   npm run bench -- --sizes 1000 --databases pglite --duration 5 --skip-build --skip-prefill
//   npm run bench -- --databases none --skip-prefill        (only the fleet row)
//
// Builds once (next build), then for each database and size: a fresh database with the demo
// listings plus N generated ones, `next start` on a spare port, and autocannon against the home
// page, a search, a search with filters and a listing page.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchCatalogue, postgresReachable, type CatalogueResult, type DatabaseKind } from "@/lib/bench/catalogue";
import { benchFleet, type FleetBenchRow } from "@/lib/bench/fleet";
import { formatBenchmarks } from "@/lib/bench/report";

const { values: options } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,100000" },
    databases: { type: "string", default: "pglite,postgres" },
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    // The pages of a configuration take turns this many times (duration / rounds seconds per turn).
    rounds: { type: "string", default: "5" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    output: { type: "string", default: "BENCHMARKS.md" },
    "skip-build": { type: "boolean", default: false },
    "skip-prefill": { type: "boolean", default: false },
    // The browse pages again while pre-fills run back to back (smallest catalogue of each database).
    "skip-prefill-load": { type: "boolean", default: false },
    "skip-fleet": { type: "boolean", default: false },
    "fleet-port": { type: "string", default: "8090" },
    "fleet-database": { type: "string" },
    redis: { type: "string", default: "redis://127.0.0.1:6379" },
  },
});

const root = path.resolve(import.meta.dirname, "..");
const sizes = options.sizes.split(",").map(Number);
const databases = options.databases.split(",").filter((name) => name !== "none") as DatabaseKind[];
const log = (line: string) => console.log(line);

function commitMeasured(): string {
  const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  // BENCHMARKS.md itself may be the only change; anything else means the figures are for uncommitted code.
  const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter((line) => line.trim() && !line.endsWith(options.output));
  return dirty.length ? `${commit} (with uncommitted changes)` : commit;
}

const loadBefore = os.loadavg()[0];
const commit = commitMeasured();
const machine = `${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}, ${os.platform()}`;
log(`Benchmarking ${commit} on ${machine}.`);

if (!options["skip-build"]) {
  log("Building (next build)…");
  const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const skipped: string[] = [];
const results: CatalogueResult[] = [];
for (const database of databases) {
  if (database === "postgres" && !(await postgresReachable(options.postgres))) {
    skipped.push(`PostgreSQL (no server answered at ${new URL(options.postgres).host})`);
    log(`Skipping PostgreSQL: no server at ${new URL(options.postgres).host}.`);
    continue;
  }
  for (const generated of sizes) {
    log(`${database}, demo listings + ${generated.toLocaleString("en-IE")} generated:`);
    results.push(
      await benchCatalogue({
        database,
        generated,
        connections: Number(options.connections),
        durationSeconds: Number(options.duration),
        warmupSeconds: Number(options.warmup),
        rounds: Number(options.rounds),
        postgresUrl: options.postgres,
        log,
        underPrefills: !options["skip-prefill-load"] && generated === Math.min(...sizes),
      }),
    );
  }
}

// The fleet row: pages through nginx with 1 node and with 2 (npm run fleet's set-up).
let fleet: FleetBenchRow[] = [];
if (!options["skip-fleet"]) {
  const measured = await benchFleet({
    nodeCounts: [1, 2],
    port: Number(options["fleet-port"]),
    postgresUrl: options.postgres,
    databaseName: options["fleet-database"],
    redisUrl: options.redis,
    connections: Number(options.connections),
    durationSeconds: Number(options.duration),
    warmupSeconds: Number(options.warmup),
    log,
  });
  fleet = measured.rows;
  if (measured.skipped) {
    skipped.push(measured.skipped);
    log(`Skipping ${measured.skipped}.`);
  }
}

let prefillOutput: string | null = null;
if (!options["skip-prefill"]) {
  log("Pre-fill overhead (npm run bench:prefill)…");
  const prefill = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/bench-prefill.ts"], { cwd: root, encoding: "utf8" });
  prefillOutput = prefill.status === 0 ? prefill.stdout : `bench:prefill failed:\n${prefill.stdout}\n${prefill.stderr}`;
  log(prefillOutput);
}

const report = formatBenchmarks(results, {
  commit,
  date: new Date().toISOString().slice(0, 10),
  machine,
  loadBefore,
  loadAfter: os.loadavg()[0],
  connections: Number(options.connections),
  durationSeconds: Number(options.duration),
  rounds: Number(options.rounds),
  skipped,
  prefillOutput,
  fleet,
});
fs.writeFileSync(path.resolve(root, options.output), report);
log(`\nWrote ${options.output}.`);
