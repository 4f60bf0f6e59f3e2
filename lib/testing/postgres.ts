import crypto from "node:crypto";
import pg from "pg";
import { migrationsFolder } from "@/lib/db/client";
import { withPgClient } from "./pg-client";

// Helpers for running tests on a real PostgreSQL server (TEST_DATABASE_URL): a migrated
// template database, and a throw-away copy of it per test file.

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createTemplateDatabase(url: string): Promise<string> {
  const name = `trova_template_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
  await withPgClient(url, (client) => client.query(`create database ${name}`));
  const pool = new pg.Pool({ connectionString: withDatabase(url, name), max: 1 });
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  await migrate(drizzle(pool), { migrationsFolder });
  await pool.end();
  return name;
}

export async function createDatabaseFromTemplate(url: string, template: string): Promise<string> {
  const name = `trova_test_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  await withPgClient(url, (client) => client.query(`create database ${name} template ${template}`));
  return withDatabase(url, name);
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withPgClient(url, (client) => client.query(`drop database if exists ${name} with (force)`));
}

export function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}
