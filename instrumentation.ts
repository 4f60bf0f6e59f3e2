// Runs once when a Next.js server starts: opens (and migrates) the database before the first
// request, so a newcomer's first page view does not wait for PGlite to start, and seeds an
// empty database with demo listings. Everything Node-only lives in lib/server-start.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { registerNodeServer } = await import("@/lib/server-start");
  await registerNodeServer();
}
