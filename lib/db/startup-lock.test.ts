import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataDir } from "@/lib/env";
import { DEMO_LISTINGS } from "@/lib/seed/demo-listings";
import { databaseName, dropDatabase } from "@/lib/testing/postgres";
import { migrationsFolder } from "./client";

// Three processes start at the same moment on an empty PostgreSQL database, as three nodes of a
// fleet do: the advisory lock lets exactly one migrate and one seed; all three then serve.
const serverUrl = process.env.TEST_DATABASE_URL;
const onPostgres = process.env.TEST_DB === "postgres" && Boolean(serverUrl);

let url = "";

function startNode(index: number): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("lib", "testing", "start-server-process.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: path.join(dataDir, `node-${index}`),
      SEED_DEMO: "true",
      AI_MODEL: "mock:fixture",
      AI_MOCK_MODELS: "true",
      BETTER_AUTH_SECRET: "the-same-secret-on-every-node-of-this-test",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe.runIf(onPostgres)("three nodes starting together on an empty database", () => {
  beforeAll(async () => {
    const parsed = new URL(serverUrl!);
    parsed.pathname = `/trova_startup_${process.pid}_${Date.now()}`;
    url = parsed.toString();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${databaseName(url)}`);
    await admin.end();
  });

  afterAll(async () => {
    if (url) await dropDatabase(serverUrl!, databaseName(url));
  });

  it("migrates once, seeds once, and all three serve", { timeout: 240_000 }, async () => {
    const nodes = await Promise.all([0, 1, 2].map(startNode));
    for (const node of nodes) expect(node.code, node.output).toBe(0);
    const served = nodes.map((node) => JSON.parse(/served: (.*)/.exec(node.output)![1]) as { listings: number });
    expect(served).toEqual([0, 1, 2].map(() => ({ listings: DEMO_LISTINGS.length })));
    expect(nodes.filter((node) => node.output.includes("added")).length).toBe(1);
    expect(nodes.filter((node) => node.output.includes("Demo console admin")).length).toBe(1);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
      const applied = await client.query<{ rows: number; distinct: number }>(
        "select count(*)::int as rows, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations",
      );
      expect(applied.rows[0]).toEqual({ rows: journal.entries.length, distinct: journal.entries.length });
      const admins = await client.query<{ n: number }>("select count(*)::int as n from \"user\" where email = 'admin@example.com'");
      expect(admins.rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });
});
