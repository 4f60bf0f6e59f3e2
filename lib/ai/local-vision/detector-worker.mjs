// The detector's process (lib/ai/local-vision/detector.ts forks it). Inference is synchronous
// WebAssembly that takes a few hundred milliseconds of CPU, so it runs here, away from the
// server's event loop, at a lower CPU priority so that pages win the cores. Plain JavaScript on purpose: Node loads this file as it is, from every set-up (the
// Next.js server, Vitest, tsx scripts), without a bundler in between.
//
// It also screens photos for explicit content (lib/ai/local-vision/screener.ts) with nsfwjs's
// MobileNetV2, loaded from the nsfwjs package on the first photo to screen.
//
// Started with TROVA_DETECTOR_WARM_UP=1: run once on a blank frame before saying it is ready.
// Messages travel over the IPC channel with "advanced" (structured clone) serialization.
// Messages in:  { id, kind: "detect", frame }  frame: Uint8Array, 512×512 RGB
//               { id, kind: "screen", frame }  frame: Uint8Array, 224×224 RGB
// Messages out: { type: "ready", loadMs } once, then { id, output } or { id, error }
//               output: Float32Array [100 × 6] (detect) or [5] class probabilities in SCREEN_CLASSES order (screen)
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

// Lower priority first, before the model loads (the parent also asks, which may come later).
try {
  os.setPriority(Number(process.env.TROVA_DETECTOR_NICE ?? 10));
} catch {
  // Not allowed here: run at normal priority.
}
// The server that started it is gone (crashed, killed): so is the reason to run.
process.on("disconnect", () => process.exit(0));

const require = createRequire(import.meta.url);
const tf = require("@tensorflow/tfjs-core");
const { setWasmPaths } = require("@tensorflow/tfjs-backend-wasm");
const { loadGraphModel } = require("@tensorflow/tfjs-converter");

const FRAME_SIZE = 512;
const SCREEN_SIZE = 224;
// nsfwjs's class names, in the order screener.ts reads the output.
const SCREEN_CLASSES = ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"];
const OUTPUT_NODE = "tower_0/detections";

/** The WebAssembly backend from the files inside its own package (no download), single-threaded. */
async function startBackend() {
  const wasmFile = require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm");
  setWasmPaths(`${path.dirname(wasmFile)}${path.sep}`);
  // One inference thread: the server keeps the machine's other core for requests.
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  if (!(await tf.setBackend("wasm"))) throw new Error("The WebAssembly backend of TensorFlow.js did not start.");
  await tf.ready();
}

/** CenterNet (COCO, 80 classes) as @vladmandic/human ships it: model.json plus one weight shard. */
async function loadDetector() {
  // The package's exports map hides the models folder; its main file sits in dist/, beside it.
  const modelsDir = path.join(path.dirname(require.resolve("@vladmandic/human")), "..", "models");
  const manifest = JSON.parse(fs.readFileSync(path.join(modelsDir, "centernet.json"), "utf8"));
  const shards = manifest.weightsManifest.flatMap((group) => group.paths).map((file) => fs.readFileSync(path.join(modelsDir, file)));
  const weights = Buffer.concat(shards);
  return loadGraphModel({
    load: async () => ({
      modelTopology: manifest.modelTopology,
      format: manifest.format,
      generatedBy: manifest.generatedBy,
      convertedBy: manifest.convertedBy,
      signature: manifest.signature,
      weightSpecs: manifest.weightsManifest.flatMap((group) => group.weights),
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    }),
  });
}

/** The detector's raw output for one frame: the input is float RGB in 0–255, not normalised. */
function detect(model, frame) {
  const input = tf.tensor4d(Float32Array.from(frame), [1, FRAME_SIZE, FRAME_SIZE, 3]);
  try {
    const output = model.execute(input, OUTPUT_NODE);
    try {
      return output.dataSync();
    } finally {
      output.dispose();
    }
  } finally {
    input.dispose();
  }
}

/**
 * nsfwjs's MobileNetV2, whose weights ship inside the nsfwjs package as JavaScript modules: no
 * download. nsfwjs imports @tensorflow/tfjs, which shares this thread's engine and WASM backend.
 */
let screener = null;
function loadScreener() {
  screener ??= import("nsfwjs").then((nsfwjs) => nsfwjs.load("MobileNetV2", { size: SCREEN_SIZE }));
  return screener;
}

async function screen(frame) {
  const model = await loadScreener();
  const input = tf.tensor3d(Int32Array.from(frame), [SCREEN_SIZE, SCREEN_SIZE, 3], "int32");
  try {
    const classes = await model.classify(input, SCREEN_CLASSES.length);
    return Float32Array.from(SCREEN_CLASSES, (name) => classes.find((entry) => entry.className === name)?.probability ?? 0);
  } finally {
    input.dispose();
  }
}

const startedAt = performance.now();
await startBackend();
const model = await loadDetector();
// The first run sets up kernels and memory; when warming ahead of any photo, do it now.
if (process.env.TROVA_DETECTOR_WARM_UP === "1") detect(model, new Uint8Array(FRAME_SIZE * FRAME_SIZE * 3));
process.send({ type: "ready", loadMs: performance.now() - startedAt });

process.on("message", async ({ id, kind, frame }) => {
  try {
    const output = kind === "screen" ? await screen(frame) : Float32Array.from(detect(model, frame));
    process.send({ id, output });
  } catch (error) {
    process.send({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
