import { resolveModelConfig } from "@/lib/ai/models";
import { warmDetector } from "@/lib/ai/local-vision/detector";
import { LOCAL_VISION_MODEL_ID } from "@/lib/ai/local-vision/model";
import { getDatabaseHandle, runExclusively } from "@/lib/db/client";
import { env, nodeId, sharedSecretProblem } from "@/lib/env";
import { deleteStaleUploads, UNPUBLISHED_UPLOAD_HOURS } from "@/lib/images/stale-uploads";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { stampNodeHeader } from "@/lib/node-header";
import { pruneRateLimits } from "@/lib/rate-limit";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import { describeDemoAdmin, ensureDemoAdmin } from "@/lib/seed/demo-admin";

const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Called once per Node.js server process by instrumentation.ts (kept here, not there, because
 * instrumentation.ts is also compiled for the Edge runtime, where `process.exit` does not exist).
 * A node that would break the fleet stops at once with the reason: a production node on
 * PostgreSQL without the shared secret, or a second node on the same embedded database.
 */
export async function registerNodeServer(): Promise<void> {
  const secretProblem = sharedSecretProblem();
  if (secretProblem) {
    console.error(`[trova] refusing to start: ${secretProblem}`);
    process.exit(1);
  }
  stampNodeHeader(nodeId);
  try {
    await startServer();
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(`[trova] refusing to start: ${error.message}`);
    process.exit(1);
  }
}

/**
 * Opens the database, seeds it when empty and starts the housekeeping. A database that cannot be opened does
 * not stop the server: /api/health answers 503 with the reason, and every request tries again,
 * so the server recovers on its own once the database is back (or its lock is free).
 */
export async function startServer(): Promise<void> {
  const started = Date.now();
  let handle;
  try {
    handle = await getDatabaseHandle();
  } catch (error) {
    console.error("[trova] the database could not be opened; requests will try again:", error);
    scheduleHousekeeping();
    warmDefaultModel();
    return;
  }
  console.log(`[trova] ${handle.kind} database ready in ${Date.now() - started} ms`);
  scheduleHousekeeping();
  if (env.SEED_DEMO) {
    // Nodes starting together on an empty PostgreSQL database: the first seeds, the others wait
    // and then find listings and the admin already there.
    await runExclusively(async () => {
      const seeded = await seedDemoIfEmpty();
      if (seeded > 0) console.log(`[trova] empty database: added ${seeded} demo listings`);
      const admin = await ensureDemoAdmin();
      if (admin) console.log(`[trova] ${describeDemoAdmin(admin)}`);
    });
  }
  warmDefaultModel();
}

/**
 * At start and then hourly: unpublished uploads older than a day are deleted, and finished
 * rate-limit windows removed. Idempotent, so every node may run it.
 */
function scheduleHousekeeping() {
  const run = () =>
    Promise.all([deleteStaleUploads(), pruneRateLimits()]).then(
      ([uploads]) => {
        if (uploads > 0) console.log(`[trova] deleted ${uploads} unpublished uploads older than ${UNPUBLISHED_UPLOAD_HOURS} h`);
      },
      (error) => console.error("[trova] housekeeping failed; it runs again within the hour:", error),
    );
  void run();
  setInterval(run, HOUSEKEEPING_INTERVAL_MS).unref();
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
