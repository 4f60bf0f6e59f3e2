import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// Playwright never downloads a browser here: it drives the machine's Chromium (Debian's
// package at /usr/bin/chromium). Elsewhere, set CHROMIUM_PATH or run `npx playwright install chromium`.
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-IE",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // e2e/fleet/ runs on a fleet of its own (playwright.fleet.config.ts), after these.
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: ["**/rollouts.spec.ts", "**/fleet/**"] },
    // A running rollout experiment changes every seller's pre-fill: these run once the rest is done.
    { name: "rollouts", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: "**/rollouts.spec.ts", dependencies: ["desktop"] },
  ],
  // A production build on a throw-away embedded database, seeded with the demo listings.
  webServer: {
    command: `rm -rf .e2e-data && npx next build && npx tsx scripts/e2e-setup.ts && npx next start -p ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATA_DIR: ".e2e-data",
      APP_URL: baseURL,
      SEED_DEMO: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      // The deterministic mock model answers every photo; a test picks a scripted failure with
      // the trova-mock-model cookie. The short timeout keeps the timeout journey quick.
      AI_MODEL: "mock:fixture",
      AI_MOCK_MODELS: "true",
      AI_TIMEOUT_MS: "3000",
      // Every test signs up from localhost: one address, far more accounts than a real one makes.
      SIGN_UPS_PER_IP_PER_HOUR: "100000",
    },
  },
});
