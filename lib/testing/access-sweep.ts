import fs from "node:fs";
import path from "node:path";
import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import sharp from "sharp";
import { getDb } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";

// Helpers for app/access-sweep.test.ts: find every server action and route handler in the
// repository, and photograph the database so a refused call can be shown to have changed nothing.

const ROOT = process.cwd();
const SOURCE_FOLDERS = ["app", "components", "lib"];
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

// A "use server" directive at the top of a file, after any comments.
const FILE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
// The directive as a statement of its own anywhere, e.g. first in a function body.
const ANY_DIRECTIVE = /^\s*["']use server["'];?\s*$/m;

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name)) files.push(path.relative(ROOT, full));
    }
  };
  for (const folder of SOURCE_FOLDERS) walk(path.join(ROOT, folder));
  return files.sort();
}

/** Files that are server-action modules ("use server" at the top), as repository paths. */
export function findServerActionModules(): string[] {
  return sourceFiles().filter((file) => FILE_DIRECTIVE.test(fs.readFileSync(file, "utf8")));
}

/** Files with a "use server" directive inside a function: actions the sweep cannot reach by name. */
export function findInlineServerActions(): string[] {
  return sourceFiles().filter((file) => {
    const text = fs.readFileSync(file, "utf8");
    return !FILE_DIRECTIVE.test(text) && ANY_DIRECTIVE.test(text);
  });
}

/** Every route handler file under app/ (route.ts), as repository paths. */
export function findRouteHandlerModules(): string[] {
  return sourceFiles().filter((file) => file.startsWith(`app${path.sep}`) && /(^|[\\/])route\.tsx?$/.test(file));
}

/** "file#export" for every function a server-action module exports. */
export async function listServerActions(): Promise<Map<string, (...args: never[]) => Promise<unknown>>> {
  const actions = new Map<string, (...args: never[]) => Promise<unknown>>();
  for (const file of findServerActionModules()) {
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") actions.set(`${file}#${name}`, value as (...args: never[]) => Promise<unknown>);
    }
  }
  return actions;
}

/** "file#METHOD" for every HTTP method a route handler exports. */
export async function listRouteHandlers(): Promise<Map<string, (request: Request, context?: unknown) => Promise<Response>>> {
  const handlers = new Map<string, (request: Request, context?: unknown) => Promise<Response>>();
  for (const file of findRouteHandlerModules()) {
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = exported[method];
      if (typeof handler === "function") handlers.set(`${file}#${method}`, handler as (request: Request, context?: unknown) => Promise<Response>);
    }
  }
  return handlers;
}

// Counters that every call may move (they are the rate limiter's own bookkeeping).
const UNWATCHED_TABLES = new Set(["rate_limits", "verification"]);

/** Every row of every table in lib/db/schema.ts (new tables are included automatically), keyed by table. */
export type DatabaseSnapshot = Map<string, Set<string>>;

export async function snapshotDatabase(): Promise<DatabaseSnapshot> {
  const db = await getDb();
  const snapshot: DatabaseSnapshot = new Map();
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const name = getTableName(table);
    if (UNWATCHED_TABLES.has(name)) continue;
    const rows = await db.select().from(table);
    snapshot.set(name, new Set(rows.map((row) => JSON.stringify(row))));
  }
  return snapshot;
}

/** What changed between two snapshots: rows added, and rows changed or removed. */
export function diffSnapshots(before: DatabaseSnapshot, after: DatabaseSnapshot): { added: string[]; removedOrChanged: string[] } {
  const added: string[] = [];
  const removedOrChanged: string[] = [];
  for (const [table, rows] of after) {
    const earlier = before.get(table) ?? new Set<string>();
    for (const row of rows) if (!earlier.has(row)) added.push(`${table}: ${row}`);
    for (const row of earlier) if (!rows.has(row)) removedOrChanged.push(`${table}: ${row}`);
  }
  return { added, removedOrChanged };
}

/** Thrown by the mocked next/navigation, so a sweep can tell a redirect or a 404 from an answer. */
export class NavigationSignal extends Error {}

const signal = (what: string) => () => {
  throw new NavigationSignal(what);
};

/** next/navigation for vi.mock: redirect(url) and friends throw a NavigationSignal. */
export const navigationThatThrows = {
  redirect: (url: string) => signal(`redirect:${url}`)(),
  permanentRedirect: (url: string) => signal(`redirect:${url}`)(),
  notFound: signal("not-found"),
  forbidden: signal("forbidden"),
  unauthorized: signal("unauthorized"),
};

export type Outcome = { value?: unknown; navigation?: string; thrown?: unknown };

/** What a call came to: a value, a navigation (redirect, 404), or an error thrown. */
export async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { value: await run() };
  } catch (error) {
    if (error instanceof NavigationSignal) return { navigation: error.message };
    return { thrown: error };
  }
}

/** A refusal: { ok: false, ... }, a 4xx response, a 404 page, or a redirect to sign in. */
export function isRefusal(result: Outcome): boolean {
  if (result.navigation) return result.navigation === "not-found" || result.navigation.startsWith("redirect:/sign-in");
  const value = result.value;
  if (value instanceof Response) return value.status >= 400 && value.status < 500;
  return typeof value === "object" && value !== null && "ok" in value && value.ok === false;
}

/** The Cookie header that carries the session a better-auth response just set. */
export function sessionCookie(headers: Headers): string {
  return headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

export function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

/** A form with a small PNG as "photo", as the upload action receives it. */
export async function photoForm(): Promise<FormData> {
  const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: "#c84" } }).png().toBuffer();
  const data = new FormData();
  data.append("photo", new File([new Uint8Array(png)], "mine.png", { type: "image/png" }));
  return data;
}
