import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { withPgClient } from "@/lib/testing/pg-client";
import { combineRounds, measureLoad, type LoadResult } from "./http-load";
import { residentMemoryBytes, startNextServer } from "./next-server";
import { prefillOnce, prefillsBackToBack, prepareSeller, type PrefillLoadResult } from "./prefill-load";

// One benchmark configuration: a database (embedded PGlite or a PostgreSQL server) filled with
// the demo listings plus `listings` generated ones, served by `next start`, and the public pages
// measured under load.

export type DatabaseKind = "pglite" | "postgres";

export type PageResult = LoadResult & {
  page: string;
  path: string;
  /** What the page says it found, e.g. "10,000+ listings for sale". */
  found: string | null;
  /** req/s in each round, in order: the pages of one configuration take turns (see benchCatalogue). */
  roundRequestsPerSecond: number[];
};

export type CatalogueResult = {
  database: DatabaseKind;
  generated: number;
  totalListings: number;
  pages: PageResult[];
  /** Resident memory of the server process after the load, bytes (null where /proc is missing). */
  rssAfterBytes: number | null;
  /** PostgreSQL only: sequential scans of the listings table during the load (0 = index-bound). */
  listingSeqScans: number | null;
  seedSeconds: number;
  /** Browse pages while pre-fills run back to back, beside the same pages idle (empty when not measured). */
  underPrefills: PrefillRow[];
};

export type PrefillRow = { page: string; idle: LoadResult; busy: LoadResult; prefills: PrefillLoadResult };

export type CatalogueOptions = {
  database: DatabaseKind;
  generated: number;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** The pages take turns this many times, each for durationSeconds / rounds per turn. */
  rounds: number;
  /** A PostgreSQL server to create the benchmark database on, e.g. postgres://postgres@127.0.0.1:5432/postgres */
  postgresUrl: string;
  log: (line: string) => void;
  /** Also measure the browse pages while pre-fills run back to back (the built-in reader). */
  underPrefills?: boolean;
};

// Measured again while sellers pre-fill: the page every visitor sees first, and a listing.
const PAGES_UNDER_PREFILLS = ["home", "listing"];

/**
 * What a visitor does most: the home page, a search, a search with filters, a listing; and the
 * sign-in page as the floor, a page that reads nothing from the catalogue. The
 * search and the filters match more than a page of listings even in the small catalogue, so
 * every size renders a full page of cards and the sizes compare like with like.
 */
export const PAGES: { page: string; path: string | ((listingPath: string) => string) }[] = [
  { page: "home", path: "/" },
  { page: "search", path: "/?q=bike" },
  // The same search within 25 km of Galway (BENCHMARKS.md compares the two: target 1.5×).
  { page: "search near", path: "/?q=bike&near=Galway&km=25" },
  { page: "search + filters", path: "/?category=Electronics&condition=good&max=300&sort=price_asc" },
  { page: "listing", path: (listingPath) => listingPath },
  // No listings and no database read for a visitor: what rendering any page costs on this machine.
  { page: "sign-in (floor)", path: "/sign-in" },
];

/** Fills the database `env` points at with the demo listings plus `generated` ones; resolves to the total. */
export function runSeed(env: Record<string, string>, generated: number, log: (line: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/seed.ts", "--count", String(generated)], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      const total = /now has ([\d,]+) listings/.exec(output)?.[1];
      if (code !== 0 || !total) return reject(new Error(`Seeding failed:\n${output}`));
      log(`  seeded: ${total} listings`);
      resolve(Number(total.replace(/,/g, "")));
    });
  });
}

// PostgreSQL's own count of full-table reads of listings. A backend reports its counts when idle,
// within about ten seconds (PGSTAT_IDLE_INTERVAL), hence the wait.
async function listingSeqScans(databaseUrl: string): Promise<number> {
  return withPgClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ seq_scan: string }>("select seq_scan from pg_stat_user_tables where relname = 'listings'");
    return Number(rows[0]?.seq_scan ?? 0);
  });
}

export async function postgresReachable(url: string): Promise<boolean> {
  return withPgClient(url, async () => true).catch(() => false);
}

export async function benchCatalogue(options: CatalogueOptions): Promise<CatalogueResult> {
  const { log } = options;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `trova-bench-${options.database}-`));
  const env: Record<string, string> = { DATA_DIR: dataDir, SEED_DEMO: "false", NEXT_TELEMETRY_DISABLED: "1" };
  let databaseName: string | null = null;
  if (options.database === "postgres") {
    databaseName = `trova_bench_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
    await withPgClient(options.postgresUrl, (client) => client.query(`create database ${databaseName}`));
    const url = new URL(options.postgresUrl);
    url.pathname = `/${databaseName}`;
    env.DATABASE_URL = url.toString();
  }
  try {
    const seedStarted = performance.now();
    const totalListings = await runSeed(env, options.generated, log);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const server = await startNextServer({ ...env, AI_MODEL: "", AI_MOCK_MODELS: "false" }, { dataDir });
    try {
      const home = await (await fetch(server.url)).text();
      const listingPath = /href="(\/listings\/[0-9a-f-]{36})"/.exec(home)?.[1];
      if (!listingPath) throw new Error("The home page lists no listing to measure.");
      const pages: PageResult[] = [];
      const resolve = (pagePath: (typeof PAGES)[number]["path"]) => (typeof pagePath === "function" ? pagePath(listingPath) : pagePath);
      // The server warms up as a whole (its renderer is compiled as it runs): one round over every
      // page first, or the page measured first pays for it and reads up to half slower than it is.
      for (const { path: pagePath } of PAGES) {
        await measureLoad(`${server.url}${resolve(pagePath)}`, { connections: options.connections, durationSeconds: options.warmupSeconds });
      }
      const scansBefore = env.DATABASE_URL ? await listingSeqScans(env.DATABASE_URL) : null;
      const measured = PAGES.map(({ page, path: pagePath }) => ({ page, path: resolve(pagePath), rounds: [] as LoadResult[] }));
      // The pages take turns, each for a share of the duration per round, so a slow moment of a
      // shared machine falls on every page alike; ratios between pages are taken round by round.
      for (let round = 0; round < options.rounds; round += 1) {
        for (const entry of measured) {
          entry.rounds.push(await measureLoad(`${server.url}${entry.path}`, { connections: options.connections, durationSeconds: options.durationSeconds / options.rounds }));
        }
      }
      for (const entry of measured) {
        const found = /data-testid="result-count"[^>]*>([^<]+)</.exec(await (await fetch(`${server.url}${entry.path}`)).text())?.[1] ?? null;
        const result = combineRounds(entry.rounds);
        log(`  ${entry.page.padEnd(18)} ${result.requestsPerSecond.toFixed(1).padStart(7)} rps   p50 ${result.p50Ms.toFixed(0).padStart(5)} ms   p95 ${result.p95Ms.toFixed(0).padStart(5)} ms   failures ${result.failures}   rounds ${entry.rounds.map((round) => round.requestsPerSecond.toFixed(0)).join(" ")}`);
        pages.push({ ...result, page: entry.page, path: entry.path, found, roundRequestsPerSecond: entry.rounds.map((round) => round.requestsPerSecond) });
      }
      const underPrefills = options.underPrefills ? await measureUnderPrefills(server.url, pages, options) : [];
      const rssAfterBytes = residentMemoryBytes(server.pid);
      let scans: number | null = null;
      if (env.DATABASE_URL && scansBefore !== null) {
        await new Promise((resolve) => setTimeout(resolve, 11_000));
        scans = (await listingSeqScans(env.DATABASE_URL)) - scansBefore;
        log(`  sequential scans of listings during the load: ${scans}`);
      }
      return { database: options.database, generated: options.generated, totalListings, pages, rssAfterBytes, listingSeqScans: scans, seedSeconds, underPrefills };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (databaseName) await withPgClient(options.postgresUrl, (client) => client.query(`drop database if exists ${databaseName} with (force)`));
  }
}

/** A photo-like JPEG for the built-in reader to read: a gradient with shapes, as a phone sends it. */
async function benchPhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#d9c7a3"/><stop offset="1" stop-color="#7a8fa6"/></linearGradient></defs><rect width="1600" height="1200" fill="url(#g)"/><circle cx="800" cy="600" r="320" fill="#2f4f7f"/><rect x="560" y="880" width="480" height="90" fill="#333"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function measureUnderPrefills(baseUrl: string, idlePages: PageResult[], options: CatalogueOptions): Promise<PrefillRow[]> {
  const photo = await benchPhoto();
  // Each pre-fill counts against its seller's rate limits (20 in 10 minutes): enough sellers for
  // two rows of back-to-back pre-fills at a few per second.
  const sellers = [];
  for (let index = 0; index < 8; index += 1) sellers.push(await prepareSeller(baseUrl, photo, `198.51.100.${index + 1}`));
  // The first pre-fill may load the reader's model (in its own process): not measured.
  if (!(await prefillOnce(baseUrl, sellers[0]))) throw new Error("The warm-up pre-fill got no suggestion.");
  const rows: PrefillRow[] = [];
  for (const idle of idlePages.filter((page) => PAGES_UNDER_PREFILLS.includes(page.page))) {
    const controller = new AbortController();
    const prefills = prefillsBackToBack(baseUrl, sellers, controller.signal);
    const busy = await measureLoad(`${baseUrl}${idle.path}`, { connections: options.connections, durationSeconds: options.durationSeconds });
    controller.abort();
    const prefillResult = await prefills;
    options.log(
      `  ${`${idle.page}, pre-filling`.padEnd(18)} ${busy.requestsPerSecond.toFixed(1).padStart(7)} rps (${(busy.requestsPerSecond / idle.requestsPerSecond).toFixed(2)} of idle)   p95 ${busy.p95Ms.toFixed(0).padStart(5)} ms   pre-fills ${prefillResult.completed} (p50 ${prefillResult.p50Ms.toFixed(0)} ms, p95 ${prefillResult.p95Ms.toFixed(0)} ms), refused ${prefillResult.refused}`,
    );
    rows.push({ page: idle.page, idle, busy, prefills: prefillResult });
  }
  return rows;
}
