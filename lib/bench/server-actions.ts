import fs from "node:fs";
import path from "node:path";

export type ServerAction = { id: string; name: string; file: string; pagePath: string };

/**
 * Every server action defined under `folder` in the production build the e2e server runs, read
 * from Next's server reference manifest, with a page path that serves it. New actions are
 * picked up without touching the tests.
 */
export function serverActionsIn(folder: string): ServerAction[] {
  const manifestPath = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node)
    .filter(([, action]) => action.filename.startsWith(folder))
    .map(([id, action]) => ({ id, name: action.exportedName, file: action.filename, pagePath: pagePathOf(Object.keys(action.workers)[0]) }));
}

/** "app/(console)/console/experiments/[id]/page" → "/console/experiments/00000000-…" */
function pagePathOf(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => (segment.startsWith("[") ? "00000000-0000-4000-8000-000000000000" : segment));
  return `/${segments.join("/")}`;
}
