// How fast and how heavy the built-in local:vision model is. Not a timed test: figures for the
// pull request and for regressions.
//   npm run bench:local-vision [-- --runs 20] [-- --photos <folder of photos>]
//
// Runs what the sell flow runs for one photo (frame it, detect in the worker thread, read the
// detections, name the colour), with no database: the comparable-price query is the sell flow's
// and is measured by bench:prefill. Photos are drawn here unless a folder is given.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { stopDetector } from "@/lib/ai/local-vision/detector";
import { readPhoto } from "@/lib/ai/local-vision/read-photo";
import { makeClockJpeg } from "@/lib/testing/images";

const { values: options } = parseArgs({ options: { runs: { type: "string", default: "20" }, photos: { type: "string" } } });
const RUNS = Number(options.runs);
const TARGETS = { warmMedianMs: 600, firstCallMs: 3000, lagMs: 20, addedMegabytes: 300 };

/** Photos as the sell flow stores them: WebP, at most 1600 px. */
async function loadPhotos(): Promise<Buffer[]> {
  if (options.photos) {
    const files = fs.readdirSync(options.photos).filter((file) => /\.(jpe?g|png|webp)$/i.test(file));
    return Promise.all(files.map((file) => asStored(fs.readFileSync(path.join(options.photos!, file)))));
  }
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
    <rect width="1600" height="1200" fill="#c9b99a"/><rect y="850" width="1600" height="350" fill="#6b4f2a"/>
    <rect x="500" y="380" width="600" height="420" rx="20" fill="#1c1c1c"/><rect x="530" y="410" width="540" height="360" fill="#3a6ea5"/></svg>`;
  const grain = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 10 } } })
    .png()
    .toBuffer();
  const drawn = await sharp(Buffer.from(scene)).composite([{ input: grain, blend: "overlay" }]).jpeg().toBuffer();
  return Promise.all([await makeClockJpeg(1600, 1200), drawn].map(asStored));
}

function asStored(photo: Buffer): Promise<Buffer> {
  return sharp(photo).rotate().resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true }).webp({ quality: 82 }).toBuffer();
}

const noPrice = async () => null;
const megabytes = (bytes: number) => bytes / 1024 / 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const verdict = (met: boolean) => (met ? "met" : "NOT met");

try {
  // Other work on this machine inflates wall-clock times; the load average says how much.
  console.log(`Machine: ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}.`);
  const photos = await loadPhotos();
  console.log(`Photos: ${photos.length} (${options.photos ?? "drawn"}), stored as WebP ≤ 1600 px; ${RUNS} warm runs.\n`);
  // Everything but the model is loaded and used once first (sharp, the modules), so the memory
  // and first-call figures are the model's own.
  await sharp(photos[0]).resize(512, 512).raw().toBuffer();
  global.gc?.();
  const baseline = process.memoryUsage().rss;

  const coldStart = performance.now();
  await readPhoto(photos[0], undefined, noPrice);
  const firstCallMs = performance.now() - coldStart;

  const lag = monitorEventLoopDelay({ resolution: 1 });
  const latencies: number[] = [];
  let peakRss = process.memoryUsage().rss;
  lag.enable();
  for (let run = 0; run < RUNS; run += 1) {
    const startedAt = performance.now();
    await readPhoto(photos[run % photos.length], undefined, noPrice);
    latencies.push(performance.now() - startedAt);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  lag.disable();
  const addedMegabytes = megabytes(peakRss - baseline);
  // The histogram is in nanoseconds and includes the 1 ms sampling interval itself.
  const lagP99Ms = lag.percentile(99) / 1e6 - 1;
  const lagMaxMs = lag.max / 1e6 - 1;

  const rows: [string, string, string][] = [
    ["warm latency per photo, median (p95)", `${median(latencies).toFixed(0)} ms (${percentile(latencies, 95).toFixed(0)} ms)`, `< ${TARGETS.warmMedianMs} ms: ${verdict(median(latencies) < TARGETS.warmMedianMs)}`],
    ["first call, model load included", `${firstCallMs.toFixed(0)} ms`, `< ${TARGETS.firstCallMs} ms: ${verdict(firstCallMs < TARGETS.firstCallMs)}`],
    ["main-thread event-loop lag while reading, p99 (max)", `${lagP99Ms.toFixed(1)} ms (${lagMaxMs.toFixed(1)} ms)`, `< ${TARGETS.lagMs} ms: ${verdict(lagMaxMs < TARGETS.lagMs)}`],
    ["added memory (peak RSS over the baseline)", `${addedMegabytes.toFixed(0)} MB`, `< ${TARGETS.addedMegabytes} MB: ${verdict(addedMegabytes < TARGETS.addedMegabytes)}`],
  ];
  console.log(`  ${"measure".padEnd(54)}${"value".padEnd(20)}target`);
  for (const [label, value, target] of rows) console.log(`  ${label.padEnd(54)}${value.padEnd(20)}${target}`);
} finally {
  await stopDetector();
}
