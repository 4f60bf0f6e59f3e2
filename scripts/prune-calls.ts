// Deletes AI call records older than the retention setting (AI_CALL_RETENTION_DAYS, default 90),
// and the uploaded photos that only those calls referred to:
//   npm run prune:calls
//   npm run prune:calls -- --days 30
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db/client";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { env } from "@/lib/env";
import { pruneCallLog } from "@/lib/monitoring/retention";

const USAGE = "Usage: npm run prune:calls [-- --days <days to keep>]";

let days = env.AI_CALL_RETENTION_DAYS;
try {
  const { values } = parseArgs({ options: { days: { type: "string" } } });
  if (values.days !== undefined) days = Number(values.days);
  if (!Number.isInteger(days) || days < 1) throw new Error(`--days must be a whole number of days (1 or more), not "${values.days}".`);
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}

try {
  const started = Date.now();
  const result = await pruneCallLog(days);
  console.log(
    `Kept ${days} days (since ${result.cutoff.toISOString()}): deleted ${result.calls.toLocaleString("en-IE")} calls and ` +
      `${result.images.toLocaleString("en-IE")} unused photos in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  await closeDb();
} catch (error) {
  console.error(error instanceof DataDirLockedError ? error.message : error);
  process.exit(1);
}
