// Photo screening on real photos: how often it flags an ordinary second-hand item (false
// positives: none of the dev photos is explicit) and how long a photo takes. Figures for
// BENCHMARKS.md and the README; not a timed test.
//   npm run bench:photo-screening [-- --photos ../shared/eval/dev] [-- --runs 3]
//
// Each photo is stored as an upload is (WebP, at most 1600 px) and screened as the upload's
// after-response job does: framed to 224², classified in the local-vision worker thread.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { stopDetector } from "@/lib/ai/local-vision/detector";
import { screenPhoto } from "@/lib/ai/local-vision/screener";
import { env } from "@/lib/env";
import { percentile } from "@/lib/percentile";

const { values: options } = parseArgs({ options: { photos: { type: "string", default: path.join("..", "shared", "eval", "dev") }, runs: { type: "string", default: "3" } } });
const RUNS = Math.max(1, Number(options.runs));
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9];

const files = fs.readdirSync(options.photos).filter((file) => /\.(jpe?g|png|webp)$/i.test(file)).sort();
if (files.length === 0) throw new Error(`No photos in ${options.photos}.`);
const photos = await Promise.all(
  files.map(async (file) => ({
    file,
    bytes: await sharp(fs.readFileSync(path.join(options.photos, file))).rotate().resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true }).webp({ quality: 82 }).toBuffer(),
  })),
);

// The first photo pays for starting the worker and loading both models.
const firstStarted = performance.now();
await screenPhoto(photos[0].bytes);
const firstMs = performance.now() - firstStarted;

const scores = new Map<string, number>();
const latencies: number[] = [];
for (let run = 0; run < RUNS; run++) {
  for (const photo of photos) {
    const started = performance.now();
    const { explicit } = await screenPhoto(photo.bytes);
    latencies.push(performance.now() - started);
    scores.set(photo.file, explicit);
  }
}
await stopDetector();

const sorted = [...latencies].sort((a, b) => a - b);
const flaggedAt = (threshold: number) => [...scores].filter(([, score]) => score >= threshold);
console.log(`Photo screening (nsfwjs MobileNetV2, TensorFlow.js WASM, one worker thread) on ${photos.length} photos from ${options.photos}, ${RUNS} run(s) each`);
console.log(`  first photo (worker start + model load): ${firstMs.toFixed(0)} ms`);
console.log(`  per photo, warm: p50 ${percentile(sorted, 50)!.toFixed(0)} ms, p95 ${percentile(sorted, 95)!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`);
console.log("  false positives (none of these photos is explicit):");
for (const threshold of THRESHOLDS) {
  const flagged = flaggedAt(threshold);
  const marker = threshold === env.PHOTO_SCREENING_THRESHOLD ? "  <- PHOTO_SCREENING_THRESHOLD" : "";
  console.log(`    threshold ${threshold.toFixed(2)}: ${flagged.length}/${photos.length} (${((flagged.length / photos.length) * 100).toFixed(1)}%)${flagged.length ? ` ${flagged.map(([file]) => file).join(", ")}` : ""}${marker}`);
}
if (!THRESHOLDS.includes(env.PHOTO_SCREENING_THRESHOLD)) {
  const flagged = flaggedAt(env.PHOTO_SCREENING_THRESHOLD);
  console.log(`    threshold ${env.PHOTO_SCREENING_THRESHOLD} (PHOTO_SCREENING_THRESHOLD): ${flagged.length}/${photos.length}`);
}
console.log("  highest scores:");
for (const [file, score] of [...scores].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`    ${score.toFixed(3)}  ${file}`);
