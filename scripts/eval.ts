// Evaluates the listing pre-fill on a dataset:
//   npm run eval -- --dataset <folder-or-name[@version]> --model <model-id> [--prompt <id@version>]
//                   [--trials N] [--concurrency N] [--json <file>] [--name <dataset name for a folder>]
//                   [--min-category-accuracy X] [--min-lenient-accuracy X] [--min-validity X]
//                   [--min-keyword-hit X] [--max-confident-wrong X] [--detections-cache <file>]
// With --model local:vision and a dataset folder it also prints the reader's thresholds scored
// in-sample and cross-validated; --detections-cache keeps the detector's raw output in a file (outside
// the repository) so that part reruns in a second.
// Exits 1 when a threshold is missed (so CI can gate on it), 2 on bad arguments or a failed run.
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { parsePromptRef } from "@/lib/ai/prompts";
import { closeDb } from "@/lib/db/client";
import { LOCAL_VISION_MODEL_ID } from "@/lib/ai/local-vision/model";
import { analyseForEval } from "@/lib/evals/analyse";
import { readFolderDataset } from "@/lib/evals/dataset";
import { calibrate, detectCases, formatCalibration } from "@/lib/evals/local-vision-calibration";
import { checkThresholds, formatReport } from "@/lib/evals/report";
import { runEval } from "@/lib/evals/runner";

const USAGE = "Usage: npm run eval -- --dataset <folder-or-name> --model <model-id> [--prompt <id@version>] [--trials N] [--concurrency N] [--json <file>] [--min-category-accuracy X]";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function fraction(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1) fail(`--${name} takes a number from 0 to 1, not "${value}".`);
  return number;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 100) fail(`--${name} takes a whole number from 1 to 100, not "${value}".`);
  return number;
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      dataset: { type: "string" },
      name: { type: "string" },
      model: { type: "string" },
      prompt: { type: "string", default: "listing-prefill" },
      trials: { type: "string" },
      concurrency: { type: "string" },
      json: { type: "string" },
      "min-category-accuracy": { type: "string" },
      "min-lenient-accuracy": { type: "string" },
      "min-validity": { type: "string" },
      "min-keyword-hit": { type: "string" },
      "max-confident-wrong": { type: "string" },
      "detections-cache": { type: "string" },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail((error as Error).message);
}
const { values } = args;
if (!values.dataset) fail("--dataset is required.");
if (!values.model) fail("--model is required.");
let prompt;
try {
  prompt = parsePromptRef(values.prompt);
} catch (error) {
  fail((error as Error).message);
}
const thresholds = {
  minCategoryAccuracy: fraction("min-category-accuracy", values["min-category-accuracy"]),
  minLenientAccuracy: fraction("min-lenient-accuracy", values["min-lenient-accuracy"]),
  minValidity: fraction("min-validity", values["min-validity"]),
  minKeywordHit: fraction("min-keyword-hit", values["min-keyword-hit"]),
  maxConfidentWrong: fraction("max-confident-wrong", values["max-confident-wrong"]),
};

function progress(done: number, total: number) {
  if (process.stderr.isTTY) {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
    if (done === total) process.stderr.write("\n");
  } else if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0) {
    process.stderr.write(`${done}/${total} cases\n`);
  }
}

try {
  const report = await runEval({
    dataset: values.dataset,
    datasetName: values.name,
    modelId: values.model,
    prompt,
    trials: positiveInteger("trials", values.trials, 1),
    concurrency: positiveInteger("concurrency", values.concurrency, 2),
    analyse: analyseForEval,
    onProgress: progress,
  });
  console.log(formatReport(report));
  const isFolder = await fs.stat(values.dataset).then((stat) => stat.isDirectory(), () => false);
  if (values.model === LOCAL_VISION_MODEL_ID && isFolder) {
    const photos = await detectCases(await readFolderDataset(values.dataset), values["detections-cache"]);
    console.log(formatCalibration(calibrate(photos)));
  }
  if (values.json) {
    await fs.writeFile(values.json, JSON.stringify(report, null, 2) + "\n");
    console.log(`\nWrote ${values.json}`);
  }
  const misses = checkThresholds(report.metrics, thresholds);
  await closeDb();
  if (misses.length > 0) {
    console.error(`\nThreshold missed:\n- ${misses.join("\n- ")}`);
    process.exit(1);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => undefined);
  process.exit(2);
}
