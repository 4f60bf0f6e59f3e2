// How long the server spends on a photo outside the model, and how much the browser's downscale
// saves before upload. Not a timed test: figures for the pull request and for regressions.
//   npm run bench:prefill
//
// Server side: 20 uploads of a generated 4000×3000 JPEG through what the sell flow runs
// (storeUploadedImage, then analysePhoto with a zero-latency mock model) on a throw-away PGlite
// database. Client side: the sell page's downscale code, bundled and run in headless Chromium.
import { percentile as nearestRank } from "@/lib/percentile";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import sharp from "sharp";

const { values: options } = parseArgs({ options: { runs: { type: "string", default: "20" }, chromium: { type: "string", default: "/usr/bin/chromium" } } });
const RUNS = Number(options.runs);
const root = path.resolve(import.meta.dirname, "..");

// The database and uploads go to a temporary folder. lib/env reads DATA_DIR once, at import,
// so it is set before the first import of lib/ (hence the dynamic imports below).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trova-bench-"));
process.env.DATA_DIR = dataDir;
process.env.SEED_DEMO = "false";

/** A 4000×3000 photo-like JPEG: smooth gradients and shapes with sensor-like noise, so it compresses like a real photo (~3–5 MB). */
async function makePhoto(width = 4000, height = 3000): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  const noise = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return (seed / 0x7fffffff - 0.5) * 28;
  };
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const index = (y * width + x) * 3;
      const wave = Math.sin(x / 37) * Math.cos(y / 53) * 40;
      const vase = (x - width / 2) ** 2 / 1200 ** 2 + (y - height / 2) ** 2 / 1000 ** 2 < 1;
      pixels[index] = clamp((vase ? 40 : 180) + (x / width) * 60 + wave + noise());
      pixels[index + 1] = clamp((vase ? 70 : 160) + (y / height) * 50 - wave + noise());
      pixels[index + 2] = clamp((vase ? 190 : 120) + wave / 2 + noise());
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toBuffer();
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

const percentile = (values: number[], p: number) => nearestRank(values, p) ?? Number.NaN;

async function benchServer(photo: Buffer) {
  const { fullCopiesStored, storeUploadedImage } = await import("@/lib/images");
  const { analysePhoto } = await import("@/lib/ai/analyse-photo");
  const { waitForRecordedCalls } = await import("@/lib/ai/record-calls");
  const { getAiCallById } = await import("@/lib/db/queries/ai-calls");
  const { getDatabaseHandle } = await import("@/lib/db/client");
  await getDatabaseHandle();
  const settings = { AI_MODEL: "mock:instant", AI_MOCK_MODELS: true, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, AI_TIMEOUT_MS: 20_000, AI_FALLBACK: "none" as const };

  const rows: Record<"store" | "prefill" | "outside" | "cpu" | "model" | "record", number>[] = [];
  // One warm-up run (sharp, PGlite and module start-up), not counted.
  for (let run = 0; run <= RUNS; run += 1) {
    const startedAt = performance.now();
    const cpuAtStart = process.cpuUsage();
    // As the sell page's upload stores it: the full copy is written after the answer.
    const stored = await storeUploadedImage(photo, null, { fullCopy: "after" });
    if (!stored.ok) throw new Error(stored.error);
    const storedAt = performance.now();
    const result = await analysePhoto({ imageIds: [stored.image.id], userId: null }, settings);
    const answeredAt = performance.now();
    const cpu = process.cpuUsage(cpuAtStart);
    if (!result.ok) throw new Error(`The mock model failed: ${result.reason}`);
    await waitForRecordedCalls();
    const recordedAt = performance.now();
    // The full copy written after the answer (not timed): one upload's work ends before the next.
    await fullCopiesStored([stored.image.id]);
    const call = await getAiCallById(result.callId);
    const model = call?.latencyMs ?? 0;
    const prefill = answeredAt - storedAt - model;
    if (run > 0) {
      rows.push({ store: storedAt - startedAt, prefill, outside: storedAt - startedAt + prefill, cpu: (cpu.user + cpu.system) / 1000, model, record: recordedAt - answeredAt });
    }
  }
  return rows;
}

async function benchDownscale(photo: Buffer) {
  const bundle = await build({
    entryPoints: [path.join(root, "lib/images/downscale-in-browser.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "trovaDownscale",
    target: "es2022",
    alias: { "@": root },
  });
  const browser = await chromium.launch({
    executablePath: options.chromium,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>downscale bench</title>");
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    return await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const original = new File([bytes], "IMG_0001.jpg", { type: "image/jpeg" });
      const startedAt = performance.now();
      const smaller: File = await (window as unknown as { trovaDownscale: { downscaleForUpload(file: File): Promise<File> } }).trovaDownscale.downscaleForUpload(original);
      const milliseconds = performance.now() - startedAt;
      const bitmap = await createImageBitmap(smaller);
      const uploaded = new Uint8Array(await smaller.arrayBuffer());
      let binary = "";
      for (const byte of uploaded) binary += String.fromCharCode(byte);
      return { base64: btoa(binary), type: smaller.type, width: bitmap.width, height: bitmap.height, milliseconds };
    }, photo.toString("base64"));
  } finally {
    await browser.close();
  }
}

const format = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function printServerTable(title: string, rows: Awaited<ReturnType<typeof benchServer>>) {
  console.log(title);
  console.log(`  ${"stage".padEnd(60)}${"median".padStart(10)}${"p95".padStart(10)}`);
  const stages: [keyof (typeof rows)[number], string][] = [
    ["store", "validate, normalise, store, record the image"],
    ["prefill", "analysePhoto outside the model (load photo, prompt, SDK)"],
    ["outside", "total outside the model"],
    ["cpu", "(CPU time of the above, all threads: less sensitive to load)"],
    ["model", "(the mock model itself)"],
    ["record", "(ai_calls write, after the answer)"],
  ];
  for (const [key, label] of stages) {
    const values = rows.map((row) => row[key]);
    console.log(`  ${label.padEnd(60)}${format(percentile(values, 50))}${format(percentile(values, 95))}`);
  }
  const median = percentile(rows.map((row) => row.outside), 50);
  console.log(`  Target: median under 100 ms outside the model — ${median < 100 ? "met" : "NOT met"}.\n`);
}

try {
  // Other work on this machine inflates wall-clock times; the load average says how much.
  console.log(`Machine: ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}.`);
  const photo = await makePhoto();
  console.log(`Photo: 4000×3000 JPEG, ${megabytes(photo.length)}.\n`);

  const downscaled = await benchDownscale(photo);
  const uploaded = Buffer.from(downscaled.base64, "base64");
  const ratio = photo.length / uploaded.length;
  console.log("Browser downscale (headless Chromium, lib/images/downscale-in-browser.ts):");
  console.log(`  ${megabytes(photo.length)} JPEG 4000×3000 → ${megabytes(uploaded.length)} ${downscaled.type} ${downscaled.width}×${downscaled.height} in ${downscaled.milliseconds.toFixed(0)} ms`);
  console.log(`  ${ratio.toFixed(1)}× smaller. Target: at least 10× — ${ratio >= 10 ? "met" : "NOT met"}.\n`);

  printServerTable(`Server, ${RUNS} uploads of the 4000×3000 JPEG itself (after one warm-up), mock model with no latency:`, await benchServer(photo));
  printServerTable(`Server, ${RUNS} uploads of the photo as the sell page sends it (downscaled above):`, await benchServer(uploaded));
} finally {
  const { closeDb } = await import("@/lib/db/client");
  await closeDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
