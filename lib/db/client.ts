import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { dataDir, env } from "@/lib/env";
import * as schema from "./schema";
import { acquireDataDirLock, releaseDataDirLock } from "./data-dir-lock";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
  /** Runs `work` while no other process holds the start-up lock (PostgreSQL); absent, it just runs. */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
};

// pg_advisory_lock(class, id): one lock every Trova process takes to migrate and to seed, so N nodes
// starting together on an empty database migrate it once and seed it once. The class is "TROV".
const ADVISORY_LOCK_CLASS = 0x54524f56;
const STARTUP_LOCK_ID = 1;

// One database per process. Kept on globalThis so that dev-server module reloads reuse it
// instead of opening the PGlite data directory a second time.
const globalForDb = globalThis as typeof globalThis & { trovaDatabase?: Promise<DatabaseHandle> };

export const migrationsFolder = path.join(process.cwd(), "drizzle");

export function getDb(): Promise<Database> {
  return getDatabaseHandle().then((handle) => handle.db);
}

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.trovaDatabase ??= openDatabase().catch((error) => {
    globalForDb.trovaDatabase = undefined;
    throw error;
  });
  return globalForDb.trovaDatabase;
}

export async function closeDb(): Promise<void> {
  const pending = globalForDb.trovaDatabase;
  globalForDb.trovaDatabase = undefined;
  if (pending) await (await pending).close();
}

/** Tests put their own database (a cloned PGlite or a throw-away PostgreSQL database) here. */
export function useDatabaseForTests(handle: DatabaseHandle): void {
  globalForDb.trovaDatabase = Promise.resolve(handle);
}

async function openDatabase(): Promise<DatabaseHandle> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(path.join(dataDir, "pglite"));
}

export async function openPostgres(connectionString: string): Promise<DatabaseHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error("[db] idle PostgreSQL client error:", error.message));
  const db = drizzle(pool, { schema });
  const exclusive = <T>(work: () => Promise<T>) => withAdvisoryLock(pool, work);
  // The lock waits for a node that is migrating; drizzle then finds every migration applied.
  await exclusive(() => migrate(db, { migrationsFolder }));
  return { db, kind: "postgres", close: () => pool.end(), exclusive };
}

/** Session-level advisory lock on a connection of its own, released even when `work` throws. */
async function withAdvisoryLock<T>(pool: import("pg").Pool, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("select pg_advisory_lock($1, $2)", [ADVISORY_LOCK_CLASS, STARTUP_LOCK_ID]);
    try {
      return await work();
    } finally {
      await client.query("select pg_advisory_unlock($1, $2)", [ADVISORY_LOCK_CLASS, STARTUP_LOCK_ID]).catch(() => (broken = true));
    }
  } finally {
    // A connection whose unlock failed may still hold the lock: close it, which releases it.
    client.release(broken);
  }
}

/** Migrating, seeding: start-up work that one process at a time may do on a shared database. */
export async function runExclusively<T>(work: () => Promise<T>): Promise<T> {
  const handle = await getDatabaseHandle();
  return handle.exclusive ? handle.exclusive(work) : work();
}

export async function openPglite(directory: string): Promise<DatabaseHandle> {
  fs.mkdirSync(directory, { recursive: true });
  const lockPath = `${directory}.lock`;
  acquireDataDirLock(lockPath, directory);
  try {
    const client = await createPgliteClient(directory);
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
    return {
      db,
      kind: "pglite",
      close: async () => {
        await client.close();
        releaseDataDirLock(lockPath);
      },
    };
  } catch (error) {
    releaseDataDirLock(lockPath);
    throw error;
  }
}

/** A PGlite client with the extensions every open needs (a trigram index makes pg_trgm mandatory). */
export async function createPgliteClient(dataDirectory?: string, loadDataDir?: Blob) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const client = new PGlite({ dataDir: dataDirectory, loadDataDir, extensions: { pg_trgm } });
  await client.waitReady;
  return client;
}
