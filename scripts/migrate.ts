// Applies the migrations in drizzle/ to the configured database (PGlite under DATA_DIR, or
// DATABASE_URL). The app also does this on start; this is for deploys and checks.
import { closeDb, getDatabaseHandle } from "@/lib/db/client";

const started = Date.now();
const handle = await getDatabaseHandle();
console.log(`Migrations applied to ${handle.kind} in ${Date.now() - started} ms.`);
await closeDb();
