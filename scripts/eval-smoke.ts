// CI's check that the whole evaluation pipeline works: a generated dataset, the mock model, the
// eval command with a threshold and a JSON report, on a throw-away embedded database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeGeneratedDataset } from "@/lib/testing/eval-dataset";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "trova-eval-smoke-"));
const dataset = await writeGeneratedDataset(path.join(work, "dataset"));
const report = path.join(work, "report.json");
// The mock model answers "Home & Garden" for photos it does not know: 1 of the 4 generated cases.
const run = spawnSync(
  "npx",
  ["tsx", "scripts/eval.ts", "--dataset", dataset, "--name", "smoke", "--model", "mock:fixture", "--trials", "2", "--json", report, "--min-category-accuracy", "0.25", "--min-validity", "1"],
  { stdio: "inherit", env: { ...process.env, DATA_DIR: path.join(work, "data"), AI_MOCK_MODELS: "true", SEED_DEMO: "false" } },
);
if (run.status !== 0) process.exit(run.status ?? 1);
const written = JSON.parse(fs.readFileSync(report, "utf8"));
if (written.metrics.cases !== 8 || written.cases.length !== 8) {
  console.error("The JSON report does not have the expected 8 scored cases.");
  process.exit(1);
}
fs.rmSync(work, { recursive: true, force: true });
console.log("Eval smoke test passed.");
