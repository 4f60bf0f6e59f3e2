// Adds synthetic AI call records for load-testing the console (they look like live pre-fill
// traffic over the last --days days, default 30), then brings the monitoring roll-ups up to date:
//   npm run seed:calls -- --count 200000
//   npm run seed:calls -- --count 5000 --days 7
// The calls are marked synthetic and kept out of the console's live figures by default. On a
// database that already has real calls it stops, unless --force.
import { parseArgs } from "node:util";
import { refreshAiCallRollups } from "@/lib/db/queries/ai-call-rollups";
import { analyzeAiCallTables } from "@/lib/db/queries/seed";
import { closeDb, getDatabaseHandle } from "@/lib/db/client";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { RealCallsPresentError, seedSyntheticCalls } from "@/lib/seed/calls";

const USAGE = "Usage: npm run seed:calls -- --count <number of calls> [--days <spread over this many days, default 30>] [--force]";

let count = 0;
let days = 30;
let force = false;
try {
  const { values } = parseArgs({ options: { count: { type: "string" }, days: { type: "string" }, force: { type: "boolean", default: false } } });
  force = values.force;
  count = Number(values.count);
  days = values.days === undefined ? days : Number(values.days);
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000) throw new Error(`--count must be a whole number of calls, not "${values.count}".`);
  if (!(days > 0 && days <= 3650)) throw new Error(`--days must be a number of days, not "${values.days}".`);
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

try {
  let started = Date.now();
  const { kind } = await getDatabaseHandle();
  console.log(`Opened the ${kind} database in ${seconds(started)} s.`);
  started = Date.now();
  await seedSyntheticCalls({
    count,
    days,
    force,
    onProgress: (done) => {
      const rate = Math.round(done / ((Date.now() - started) / 1000));
      process.stdout.write(`\rGenerated ${done.toLocaleString("en-IE")} of ${count.toLocaleString("en-IE")} calls (${rate}/s)`);
    },
  });
  console.log(`\nAdded ${count.toLocaleString("en-IE")} synthetic calls over ${days} days in ${seconds(started)} s.`);
  started = Date.now();
  const { hours } = await refreshAiCallRollups();
  await analyzeAiCallTables();
  console.log(`Monitoring roll-ups: recomputed ${hours.toLocaleString("en-IE")} hours in ${seconds(started)} s.`);
  console.log("Time the dashboard's queries with: npm run bench:monitoring");
  await closeDb();
} catch (error) {
  console.error(error instanceof DataDirLockedError || error instanceof RealCallsPresentError ? error.message : error);
  await closeDb().catch(() => undefined);
  process.exit(1);
}
