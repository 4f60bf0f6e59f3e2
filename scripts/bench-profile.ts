// Where a page's server time goes: each page is served by a `next start` of its own under
// `node --cpu-prof`, loaded like `npm run bench` does, and its CPU profile summarised. Not a timed
// test: figures for BENCHMARKS.md ("Profiles").
//   npm run bench:profile
//   npm run bench:profile -- --skip-build --pages /,/sign-in --keep /tmp/profiles   (keeps the .cpuprofile files for DevTools)
//
// Prints per page: req/s, the server's CPU time per request (user + system, all threads: steadier
// than req/s on a shared machine), the bytes a visitor receives (HTML, and the RSC payload inlined
// in it), and the shares of the profile's busy time.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runSeed } from "@/lib/bench/catalogue";
import { PROFILE_CATEGORIES, summariseCpuProfile, type CpuProfile } from "@/lib/bench/cpu-profile";
import { measureLoad } from "@/lib/bench/http-load";
import { processCpuSeconds, startNextServer } from "@/lib/bench/next-server";

const { values: options } = parseArgs({
  options: {
    pages: { type: "string", default: "/,/?q=bike,/sign-in" },
    generated: { type: "string", default: "1000" },
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    keep: { type: "string" },
    "skip-build": { type: "boolean", default: false },
  },
});

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(line);

if (!options["skip-build"]) {
  log("Building (next build)…");
  const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
log(`Profiling ${commit} on ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}.`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trova-profile-"));
const env = { DATA_DIR: dataDir, SEED_DEMO: "false", NEXT_TELEMETRY_DISABLED: "1", AI_MODEL: "", AI_MOCK_MODELS: "false" };
await runSeed(env, Number(options.generated), log);

type Row = { page: string; rps: number; cpuMsPerRequest: number | null; htmlKb: number; rscKb: number; shares: Record<string, number> };
const rows: Row[] = [];
try {
  for (const page of options.pages.split(",")) {
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "trova-cpuprofile-"));
    const server = await startNextServer(env, { dataDir, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] });
    let stopped = false;
    try {
      const url = `${server.url}${page}`;
      await measureLoad(url, { connections: Number(options.connections), durationSeconds: Number(options.warmup) });
      const cpuBefore = processCpuSeconds(server.pid);
      const load = await measureLoad(url, { connections: Number(options.connections), durationSeconds: Number(options.duration) });
      const cpuAfter = processCpuSeconds(server.pid);
      const html = await (await fetch(url)).text();
      // The RSC payload rides in the HTML as inline scripts (self.__next_f.push(…)).
      const rscBytes = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, match) => sum + match[1].length, 0);
      await server.stop();
      stopped = true;
      const file = fs.readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
      if (!file) throw new Error(`No CPU profile was written for ${page}.`);
      const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8")) as CpuProfile;
      if (options.keep) {
        fs.mkdirSync(options.keep, { recursive: true });
        fs.copyFileSync(path.join(profileDir, file), path.join(options.keep, `${page.replace(/[^a-z0-9]+/gi, "_") || "_"}.cpuprofile`));
      }
      const cpuMsPerRequest = cpuBefore !== null && cpuAfter !== null ? ((cpuAfter - cpuBefore) * 1000) / load.requests : null;
      rows.push({ page, rps: load.requestsPerSecond, cpuMsPerRequest, htmlKb: (html.length - rscBytes) / 1024, rscKb: rscBytes / 1024, shares: summariseCpuProfile(profile).shares });
      log(`  ${page}: ${load.requestsPerSecond.toFixed(1)} req/s, ${cpuMsPerRequest?.toFixed(2) ?? "?"} ms CPU per request`);
    } finally {
      if (!stopped) await server.stop();
      fs.rmSync(profileDir, { recursive: true, force: true });
    }
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const percent = (share: number) => `${(share * 100).toFixed(0)} %`;
log("");
log(`| page | req/s | CPU per request | HTML | RSC payload in it | ${PROFILE_CATEGORIES.join(" | ")} |`);
log(`|---|---:|---:|---:|---:|${PROFILE_CATEGORIES.map(() => "---:").join("|")}|`);
for (const row of rows) {
  const cpu = row.cpuMsPerRequest === null ? "–" : `${row.cpuMsPerRequest.toFixed(2)} ms`;
  log(`| \`${row.page}\` | ${row.rps.toFixed(1)} | ${cpu} | ${row.htmlKb.toFixed(1)} KB | ${row.rscKb.toFixed(1)} KB | ${PROFILE_CATEGORIES.map((category) => percent(row.shares[category])).join(" | ")} |`);
}
log(`\nLoad average at the end: ${os.loadavg()[0].toFixed(1)}.`);
