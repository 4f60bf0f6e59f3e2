import { resolveModelConfig } from "@/lib/ai/models";
import { warmDetector } from "@/lib/ai/local-vision/detector";
import { LOCAL_VISION_MODEL_ID } from "@/lib/ai/local-vision/model";
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
  warmDefaultModel();
}

/** When the built-in model is the default, it loads now, in the background, not on the first seller's photo. */
function warmDefaultModel() {
  const model = resolveModelConfig(env);
  if (!model.ok || model.config.id !== LOCAL_VISION_MODEL_ID) return;
  warmDetector().then(
    (loadMs) => console.log(`[trova] ${LOCAL_VISION_MODEL_ID} ready in ${Math.round(loadMs)} ms`),
    (error) => console.error(`[trova] ${LOCAL_VISION_MODEL_ID} could not start; it will try again on the first photo:`, error),
  );
}
