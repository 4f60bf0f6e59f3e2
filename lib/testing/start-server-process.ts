// One "node" for the start-up race test (lib/db/startup-lock.test.ts): does what a Next.js server
// does at start (migrate, seed when empty), then serves one query and reports what it saw.
import { closeDb } from "@/lib/db/client";
import { countListings } from "@/lib/db/queries/seed";
import { startServer } from "@/lib/server-start";

await startServer();
console.log(`served: ${JSON.stringify({ listings: await countListings() })}`);
await closeDb();
process.exit(0);
