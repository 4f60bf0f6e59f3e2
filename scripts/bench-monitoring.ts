// Times what the console's Monitoring and Calls pages ask the database, on the configured
// database (run `npm run seed:calls -- --count 200000` first):
//   npm run bench:monitoring
//   npm run bench:monitoring -- --runs 11
// Prints the median, fastest and slowest of --runs runs (after one warm-up run) per query, the
// median CPU time this process spent (PGlite runs in-process, so that is the database's own work,
// much less sensitive to other load), and the machine's load, since other work slows wall time.
// The seeded calls are synthetic, which the console hides by default: every query here asks for them.
import os from "node:os";
import { parseArgs } from "node:util";
import { closeDb, getDatabaseHandle } from "@/lib/db/client";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { listAiCalls } from "@/lib/db/queries/ai-calls";
import { callFiltersSchema } from "@/lib/db/call-filters";
import { median } from "@/lib/evals/metrics";
import { RANGES, RANGE_KEYS } from "@/lib/monitoring/ranges";
import { getMonitoringReport } from "@/lib/monitoring/report";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const runs = Math.max(1, Number(values.runs) || 7);

async function time(label: string, work: () => Promise<unknown>): Promise<number> {
  await work();
  const durations: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await work();
    durations.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const middle = median(durations)!;
  console.log(
    `${label.padEnd(44)} median ${middle.toFixed(0).padStart(5)} ms   (fastest ${Math.min(...durations).toFixed(0)}, slowest ${Math.max(...durations).toFixed(0)}; ` +
      `CPU median ${median(cpuTimes)!.toFixed(0)} ms)`,
  );
  return middle;
}

try {
  const { kind } = await getDatabaseHandle();
  const [load1, load5] = os.loadavg();
  console.log(`${kind} database; ${os.cpus().length} cores, load average ${load1.toFixed(2)} (1 min), ${load5.toFixed(2)} (5 min); ${runs} runs each\n`);
  const month = await getMonitoringReport({ range: "month", split: "model", synthetic: "include" });
  console.log(`Last 30 days: ${month.overall.calls.toLocaleString("en-IE")} calls, synthetic included\n`);
  for (const range of RANGE_KEYS) {
    for (const split of ["model", "prompt"] as const) {
      await time(`Monitoring, ${RANGES[range].label.toLowerCase()}, by ${split}`, () => getMonitoringReport({ range, split, synthetic: "include" }));
    }
  }
  console.log("");
  await time("Calls, first page, no filter", () => listAiCalls(callFiltersSchema.parse({ synthetic: "include" })));
  await time("Calls, errors only", () => listAiCalls(callFiltersSchema.parse({ status: "error", synthetic: "include" })));
  await time("Calls, title search \"oak\"", () => listAiCalls(callFiltersSchema.parse({ q: "oak", synthetic: "include" })));
  await time("Calls, page 100", () => listAiCalls(callFiltersSchema.parse({ page: "100", synthetic: "include" })));
  await closeDb();
} catch (error) {
  console.error(error instanceof DataDirLockedError ? error.message : error);
  process.exit(1);
}
