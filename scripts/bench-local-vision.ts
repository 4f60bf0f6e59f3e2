// How fast and how heavy the built-in local:vision model is. Not a timed test: figures for the
// pull request and for regressions.
//   npm run bench:local-vision [-- --runs 20] [-- --photos <folder of photos>]
//
// Runs what the sell flow runs for one photo (readPhoto's steps: frame it, detect in the worker
// thread, read the detections, name the colour), with no database: the comparable-price query is the sell flow's
// and is measured by bench:prefill. Photos are drawn here unless a folder is given.
import { percentile as nearestRank } from "@/lib/percentile";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { dominantColour } from "@/lib/ai/local-vision/colour";
import { parseDetections, readDetections } from "@/lib/ai/local-vision/detections";
import { runDetector, stopDetector } from "@/lib/ai/local-vision/detector";
import { framePhoto } from "@/lib/ai/local-vision/frame";
import { readPhoto } from "@/lib/ai/local-vision/read-photo";
import { buildSuggestion } from "@/lib/ai/local-vision/suggestion";
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

/**
 * How late a 1 ms timer fires, sample by sample, filed under the phase the loop was in: what a
 * request arriving at that moment would have waited. (perf_hooks' monitorEventLoopDelay cannot be
 * paused and resumed without counting the pause.)
 */
function sampleEventLoopDelay() {
  const sampler = { phase: "other" as "other" | "inference", delays: { other: [] as number[], inference: [] as number[] }, stop: () => clearInterval(timer) };
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    sampler.delays[sampler.phase].push(Math.max(0, now - last - 1));
    last = now;
  }, 1);
  return sampler;
}

function describeDelays(delays: number[]) {
  const max = Math.max(0, ...delays);
  const p99 = percentile(delays, 99);
  return { p99, max, text: `${p99.toFixed(1)} ms (${max.toFixed(1)} ms)` };
}

const noPrice = async () => null;
const megabytes = (bytes: number) => bytes / 1024 / 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => nearestRank(values, p) ?? Number.NaN;
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

  // The same measure with nothing to do, as a control: on a busy machine the operating system
  // alone delays the event loop, whatever this process runs.
  const idle = sampleEventLoopDelay();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  idle.stop();

  // readPhoto's steps one by one, so the event loop's delay is measured while the worker infers
  // (the target) and, separately, over the whole photo, decoding included.
  const loop = sampleEventLoopDelay();
  const latencies: number[] = [];
  const cpuAtStart = process.cpuUsage();
  let peakRss = process.memoryUsage().rss;
  for (let run = 0; run < RUNS; run += 1) {
    const startedAt = performance.now();
    loop.phase = "other";
    const frame = await framePhoto(photos[run % photos.length]);
    loop.phase = "inference";
    const output = await runDetector(frame);
    loop.phase = "other";
    const reading = readDetections(parseDetections(output));
    await buildSuggestion(reading, reading ? dominantColour(frame, reading.detection) : null, noPrice);
    latencies.push(performance.now() - startedAt);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  loop.stop();
  // CPU time of every thread (the worker's inference, sharp, this loop) per photo: what the
  // latency would be on an idle machine, give or take the decoding sharp spreads over two cores.
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuPerPhotoMs = (cpu.user + cpu.system) / 1000 / RUNS;
  const addedMegabytes = megabytes(peakRss - baseline);
  const lag = describeDelays(loop.delays.inference);
  const rows: [string, string, string][] = [
    ["warm latency per photo, median (p95)", `${median(latencies).toFixed(0)} ms (${percentile(latencies, 95).toFixed(0)} ms)`, `< ${TARGETS.warmMedianMs} ms: ${verdict(median(latencies) < TARGETS.warmMedianMs)}`],
    ["  CPU time per photo, all threads (less load-sensitive)", `${cpuPerPhotoMs.toFixed(0)} ms`, ""],
    ["first call, model load included", `${firstCallMs.toFixed(0)} ms`, `< ${TARGETS.firstCallMs} ms: ${verdict(firstCallMs < TARGETS.firstCallMs)}`],
    ["main-thread event-loop lag during inference, p99 (max)", lag.text, `< ${TARGETS.lagMs} ms: p99 ${verdict(lag.p99 < TARGETS.lagMs)}, max ${verdict(lag.max < TARGETS.lagMs)}`],
    ["  over the whole photo, sharp's decoding included", describeDelays([...loop.delays.inference, ...loop.delays.other]).text, ""],
    ["  with nothing to do (control: the machine's own noise)", describeDelays(idle.delays.other).text, ""],
    ["added memory (peak RSS over the baseline)", `${addedMegabytes.toFixed(0)} MB`, `< ${TARGETS.addedMegabytes} MB: ${verdict(addedMegabytes < TARGETS.addedMegabytes)}`],
  ];
  console.log(`  ${"measure".padEnd(58)}${"value".padEnd(20)}target`);
  for (const [label, value, target] of rows) console.log(`  ${label.padEnd(58)}${value.padEnd(20)}${target}`);
} finally {
  await stopDetector();
}
