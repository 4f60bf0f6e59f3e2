import { getDatabaseHandle } from "@/lib/db/client";
import { env } from "@/lib/env";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import { describeDemoAdmin, ensureDemoAdmin } from "@/lib/seed/demo-admin";

/** Called once per server process by instrumentation.ts. */
export async function startServer(): Promise<void> {
  const started = Date.now();
  const handle = await getDatabaseHandle();
  console.log(`[trova] ${handle.kind} database ready in ${Date.now() - started} ms`);
  if (env.SEED_DEMO) {
    const seeded = await seedDemoIfEmpty();
    if (seeded > 0) console.log(`[trova] empty database: added ${seeded} demo listings`);
    const admin = await ensureDemoAdmin();
    if (admin) console.log(`[trova] ${describeDemoAdmin(admin)}`);
  }
}
