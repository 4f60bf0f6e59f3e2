import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The fleet journey (e2e/fleet/): its own servers, started by the spec itself (nginx, two nodes,
// PostgreSQL, Redis, s3rver; see lib/fleet/fleet.ts). It skips, saying what is missing, on a
// machine without nginx, PostgreSQL or Redis.
const port = Number(process.env.E2E_FLEET_PORT ?? 8090);
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e/fleet",
  testMatch: "**/*.spec.ts",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-IE",
    launchOptions: { executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync", "--no-first-run", "--disable-quic"] },
  },
  projects: [{ name: "fleet", use: { ...devices["Desktop Chrome"], channel: undefined } }],
});
