import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPgliteClient, migrationsFolder } from "@/lib/db/client";
import { createTemplateDatabase, dropDatabase } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

// Migrating a new PGlite takes seconds; doing it once and copying the result per test file
// keeps the suite fast (loading a dump takes well under a second).
export default async function setup(project: TestProject) {
  const kind = project.config.env?.TEST_DB;
  if (kind === "postgres") {
    const url = process.env.TEST_DATABASE_URL!;
    const template = await createTemplateDatabase(url);
    project.provide("postgresTemplate", template);
    project.provide("pgliteTemplate", "");
    return async () => dropDatabase(url, template);
  }
  const client = await createPgliteClient();
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(drizzle(client), { migrationsFolder });
  const dump = await client.dumpDataDir("none");
  await client.close();
  const file = path.join(os.tmpdir(), `trova-pglite-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("postgresTemplate", "");
  return () => fs.rmSync(file, { force: true });
}
