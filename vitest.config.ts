import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const dataDir = path.join(os.tmpdir(), `trova-vitest-${process.pid}`);
const shared = {
  include: ["**/*.test.ts"],
  exclude: ["node_modules/**", "e2e/**", ".next/**", "data/**"],
  globalSetup: ["./lib/testing/global-setup.ts"],
  setupFiles: ["./lib/testing/isolate-data-dir.ts", "./lib/testing/setup-database.ts", "./lib/testing/setup-storage.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

// Every test file gets its own database: a copy of one migrated PGlite, and, when
// TEST_DATABASE_URL is set, the same tests run again on PostgreSQL (a database per file).
export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      { extends: true as const, test: { ...shared, name: "pglite", env: { DATA_DIR: dataDir, TEST_DB: "pglite", SEED_DEMO: "false", AI_MOCK_MODELS: "true" } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ extends: true as const, test: { ...shared, name: "postgres", env: { DATA_DIR: `${dataDir}-pg`, TEST_DB: "postgres", SEED_DEMO: "false", AI_MOCK_MODELS: "true" } } }]
        : []),
    ],
  },
});
