// Runs once when a Next.js server starts: opens (and migrates) the database before the first
// request, so a newcomer's first page view does not wait for PGlite to start, and seeds an
// empty database with demo listings.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { nodeId, sharedSecretProblem } = await import("@/lib/env");
  const secretProblem = sharedSecretProblem();
  if (secretProblem) {
    console.error(`[trova] refusing to start: ${secretProblem}`);
    process.exit(1);
  }
  const { stampNodeHeader } = await import("@/lib/node-header");
  stampNodeHeader(nodeId);
  const { startServer } = await import("@/lib/server-start");
  const { DataDirLockedError } = await import("@/lib/db/data-dir-lock");
  try {
    await startServer();
  } catch (error) {
    // A second node on the same embedded database: stop with the message, don't linger unserved.
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(`[trova] refusing to start: ${error.message}`);
    process.exit(1);
  }
}
