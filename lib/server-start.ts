import { getDatabaseHandle } from "@/lib/db/client";
import { env } from "@/lib/env";
import { seedDemoIfEmpty } from "@/lib/seed/demo";

/** Called once per server process by instrumentation.ts. */
export async function startServer(): Promise<void> {
  const started = Date.now();
  const handle = await getDatabaseHandle();
  console.log(`[trova] ${handle.kind} database ready in ${Date.now() - started} ms`);
  if (env.SEED_DEMO) {
    const seeded = await seedDemoIfEmpty();
    if (seeded > 0) console.log(`[trova] empty database: added ${seeded} demo listings`);
  }
}
