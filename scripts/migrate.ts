// Applies the migrations in drizzle/ to the configured database (PGlite under DATA_DIR, or
// DATABASE_URL). The app also does this on start; this is for deploys and checks.
import { closeDb, getDatabaseHandle } from "@/lib/db/client";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";

const started = Date.now();
try {
  const handle = await getDatabaseHandle();
  console.log(`Migrations applied to ${handle.kind} in ${Date.now() - started} ms.`);
  await closeDb();
} catch (error) {
  console.error(error instanceof DataDirLockedError ? error.message : error);
  process.exit(1);
}
