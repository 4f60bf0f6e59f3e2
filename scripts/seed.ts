// Fills the configured database (PGlite under DATA_DIR, or DATABASE_URL) with the demo listings,
// and with `--count N` also N generated listings for performance work:
//   npm run seed
//   npm run seed -- --count 100000
import { parseArgs } from "node:util";
import { closeDb, getDatabaseHandle } from "@/lib/db/client";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { countListings } from "@/lib/db/queries/seed";
import { seedCatalogue } from "@/lib/seed/catalogue";
import { DEMO_PASSWORD, DEMO_SELLERS, seedDemo } from "@/lib/seed/demo";
import { DEMO_ADMIN, describeDemoAdmin, ensureDemoAdmin } from "@/lib/seed/demo-admin";

const USAGE = "Usage: npm run seed [-- --count <number of generated listings>]";

let count = 0;
try {
  const { values } = parseArgs({ options: { count: { type: "string" } } });
  count = values.count === undefined ? 0 : Number(values.count);
  if (!Number.isInteger(count) || count < 0 || count > 10_000_000) throw new Error(`--count must be a whole number of listings, not "${values.count}".`);
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}

try {
  let started = Date.now();
  const { kind } = await getDatabaseHandle();
  console.log(`Opened the ${kind} database in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  started = Date.now();
  const added = await seedDemo();
  console.log(
    added > 0
      ? `Added ${added} demo listings in ${((Date.now() - started) / 1000).toFixed(1)} s.`
      : "The demo listings are already there.",
  );
  console.log(`Demo sellers (password "${DEMO_PASSWORD}"): ${DEMO_SELLERS.map((seller) => seller.email).join(", ")}`);
  const admin = await ensureDemoAdmin();
  console.log(admin ? describeDemoAdmin(admin) : `The demo console admin ${DEMO_ADMIN.email} exists; its password was printed when it was created.`);

  if (count > 0) {
    started = Date.now();
    await seedCatalogue(count, (done) => {
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`\rGenerated ${done.toLocaleString("en-IE")} of ${count.toLocaleString("en-IE")} listings (${Math.round(done / seconds)}/s)`);
    });
    console.log(`\nAdded ${count.toLocaleString("en-IE")} generated listings in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  console.log(`The database now has ${(await countListings()).toLocaleString("en-IE")} listings.`);
  await closeDb();
} catch (error) {
  // A dev server holding the embedded database is an expected situation: say what to do, no stack.
  console.error(error instanceof DataDirLockedError ? error.message : error);
  process.exit(1);
}
