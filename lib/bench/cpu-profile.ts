// Reads a V8 CPU profile (`node --cpu-prof`) into where the server's time went, by who runs it.
// The categories are coarse on purpose: Next.js ships React's server renderer compiled into its
// own runtime file, so the two cannot be told apart by file.

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
};

export const PROFILE_CATEGORIES = ["Next.js + React rendering", "Next.js server", "app bundle (our code, bundled libraries)", "PGlite", "Node.js internals", "garbage collection", "other"] as const;
export type ProfileCategory = (typeof PROFILE_CATEGORIES)[number];

export type ProfileSummary = {
  /** Busy time sampled, ms (idle excluded). */
  busyMs: number;
  /** Share of busy time per category, 0–1. */
  shares: Record<ProfileCategory, number>;
};

function categoryOf({ functionName, url }: { functionName: string; url: string }): ProfileCategory | "idle" {
  if (functionName === "(idle)" || functionName === "(program)") return "idle";
  if (functionName === "(garbage collector)") return "garbage collection";
  if (url.includes("@electric-sql/pglite") || url.startsWith("wasm://")) return "PGlite";
  if (/next\/dist\/compiled\/next-server\/app-page/.test(url) || url.includes("react-server-dom") || url.includes("react-dom")) return "Next.js + React rendering";
  if (url.includes("node_modules/next/")) return "Next.js server";
  if (url.includes("/.next/server/")) return "app bundle (our code, bundled libraries)";
  if (url.startsWith("node:")) return "Node.js internals";
  return "other";
}

export function summariseCpuProfile(profile: CpuProfile): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = Object.fromEntries(PROFILE_CATEGORIES.map((category) => [category, 0])) as Record<ProfileCategory, number>;
  let busy = 0;
  profile.samples.forEach((nodeId, index) => {
    const frame = frames.get(nodeId);
    const category = frame ? categoryOf(frame) : "other";
    if (category === "idle") return;
    const micros = profile.timeDeltas[index] ?? 0;
    totals[category] += micros;
    busy += micros;
  });
  const shares = Object.fromEntries(PROFILE_CATEGORIES.map((category) => [category, busy ? totals[category] / busy : 0])) as Record<ProfileCategory, number>;
  return { busyMs: busy / 1000, shares };
}
