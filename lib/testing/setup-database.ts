import fs from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { resetAuthForTests } from "@/lib/auth/auth";
import { closeDb, createPgliteClient, openPostgres, useDatabaseForTests } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { createDatabaseFromTemplate, databaseName, dropDatabase } from "./postgres";

// Gives each test file a fresh, migrated database of its own (see global-setup.ts).
let cleanup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  resetAuthForTests();
  if (process.env.TEST_DB === "postgres") {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const url = await createDatabaseFromTemplate(serverUrl, inject("postgresTemplate"));
    const handle = await openPostgres(url);
    useDatabaseForTests(handle);
    cleanup = async () => {
      await closeDb();
      await dropDatabase(serverUrl, databaseName(url));
    };
    return;
  }
  const template = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
  const client = await createPgliteClient(undefined, template);
  const { drizzle } = await import("drizzle-orm/pglite");
  useDatabaseForTests({ db: drizzle(client, { schema }), kind: "pglite", close: () => client.close() });
  cleanup = () => closeDb();
});

afterAll(async () => {
  await cleanup?.();
});
