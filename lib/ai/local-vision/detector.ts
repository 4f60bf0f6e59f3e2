import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";

// One warm detector per server process, in a process of its own (detector-worker.mjs), not a
// thread of the web server: it runs at a lower CPU priority (LOCAL_VISION_NICE, nice 10 by
// default), with one inference thread, so when pages and photos compete for the cores the pages
// win, and its ~150 MB of model memory is not the web server's. It starts on first use (or at server start when
// local:vision is the default model) and stays loaded; if it dies, what it held fails with a
// sentence for the seller and the next photo starts a fresh one.
// Photos are read one at a time, in order; a bounded number wait their turn. The same process
// screens uploads for explicit content (screener.ts): those jobs wait in a queue of their own and
// go only when no photo waits to be read, so screening never delays a seller's pre-fill.

/** More photos are waiting than the detector can read soon; the seller is told to try again. */
export class LocalVisionBusyError extends Error {
  constructor() {
    super("The built-in photo reader is busy: too many photos are waiting.");
    this.name = "LocalVisionBusyError";
  }

  static isInstance(error: unknown): error is LocalVisionBusyError {
    return error instanceof Error && error.name === "LocalVisionBusyError";
  }
}

// One photo takes about 0.3–0.5 s, so four waiting clear in about two seconds; beyond that a
// seller waits longer than typing takes, and every waiting frame holds 0.8 MB.
export const MAX_WAITING = 4;
// Screening runs after the upload has answered, so more may wait; past this many a photo is left
// unscreened (logged) rather than holding 0.15 MB frames without bound.
export const MAX_SCREENING_WAITING = 200;

type JobKind = "detect" | "screen";

// Relative to the project root (the working directory of next, vitest and the scripts). A path
// built at run time, and marked for Turbopack to ignore: Node must load the worker file as it
// is, not a bundled copy, so TensorFlow.js finds its WebAssembly and the model in node_modules.
const WORKER_FILE = ["lib", "ai", "local-vision", "detector-worker.mjs"];

type Job = {
  kind: JobKind;
  frame: Uint8Array;
  resolve: (output: Float32Array) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
};

type WorkerMessage = { type: "ready"; loadMs: number } | { id: number; output: Float32Array } | { id: number; error: string };

type DetectorState = {
  worker: ChildProcess | null;
  /** Resolves with the load time once the worker can read photos. */
  ready: Promise<number> | null;
  loading: boolean;
  running: { id: number; job: Job } | null;
  waiting: Job[];
  screening: Job[];
  nextId: number;
};

// One detector per process. Kept on globalThis so that dev-server module reloads reuse the warm
// worker instead of loading the model again beside it.
const globalForDetector = globalThis as typeof globalThis & { trovaDetector?: DetectorState };
const state: DetectorState = (globalForDetector.trovaDetector ??= { worker: null, ready: null, loading: false, running: null, waiting: [], screening: [], nextId: 1 });
state.screening ??= [];

/**
 * Starts the detector ahead of the first photo (server start) and runs it once on a blank frame,
 * so that photo pays neither the load nor the first run's set-up; resolves with the time taken.
 */
export function warmDetector(): Promise<number> {
  return startDetector(true);
}

// A detector started by a photo skips the blank run: that photo's own run does the set-up.
function startDetector(warmUp: boolean): Promise<number> {
  if (state.ready) return state.ready;
  const started = fork(path.join(/* turbopackIgnore: true */ process.cwd(), ...WORKER_FILE), [], {
    // Plain JavaScript: none of the parent's loaders (tsx) or flags (--cpu-prof, --inspect).
    execArgv: [],
    // Structured clone over the channel, so frames and outputs travel as typed arrays.
    serialization: "advanced",
    env: { ...process.env, TROVA_DETECTOR_WARM_UP: warmUp ? "1" : "0", TROVA_DETECTOR_NICE: String(env.LOCAL_VISION_NICE) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  lowerPriority(started);
  state.worker = started;
  state.loading = true;
  state.ready = new Promise<number>((resolve, reject) => {
    started.on("message", (message: WorkerMessage) => {
      if ("type" in message) {
        state.loading = false;
        holdProcessWhileBusy();
        resolve(message.loadMs);
      } else {
        settle(message);
      }
    });
    started.once("error", (error) => {
      console.error("[local-vision] the detector stopped:", error);
      reject(error);
      stop(started, error);
    });
    started.once("exit", (code, signal) => {
      const error = new Error(`The detector process exited (${signal ?? `code ${code}`}).`);
      if (state.worker === started) console.error(`[local-vision] ${error.message} The next photo starts a fresh one.`);
      reject(error);
      stop(started, error);
    });
  });
  // A load that fails is reported to the photo that waits for it; nobody else awaits this.
  state.ready.catch(() => undefined);
  holdProcessWhileBusy();
  return state.ready;
}

// The child also lowers itself first thing (detector-worker.mjs); this covers the moments before.
function lowerPriority(child: ChildProcess) {
  try {
    if (child.pid) os.setPriority(child.pid, env.LOCAL_VISION_NICE);
  } catch {
    // Not allowed on this system: the detector still runs, at normal priority.
  }
}

/** The detector process's id while it runs (the benchmark and tests read its priority and memory). */
export function detectorProcessId(): number | null {
  return state.worker?.pid ?? null;
}

/** The detector's raw output for one frame (see detections.ts). Throws LocalVisionBusyError when the queue is full. */
export function runDetector(frame: Uint8Array, signal?: AbortSignal): Promise<Float32Array> {
  return enqueue("detect", frame, signal);
}

/** The screening classifier's output for one 224×224 frame (see screener.ts). Throws LocalVisionBusyError when its queue is full. */
export function runScreener(frame: Uint8Array): Promise<Float32Array> {
  return enqueue("screen", frame);
}

async function enqueue(kind: JobKind, frame: Uint8Array, signal?: AbortSignal): Promise<Float32Array> {
  signal?.throwIfAborted();
  const queue = kind === "detect" ? state.waiting : state.screening;
  if (queue.length >= (kind === "detect" ? MAX_WAITING : MAX_SCREENING_WAITING)) throw new LocalVisionBusyError();
  const loaded = startDetector(false);
  const result = new Promise<Float32Array>((resolve, reject) => {
    const job: Job = { kind, frame, resolve, reject, signal };
    if (signal) {
      // A photo whose seller has gone leaves the queue; one already being read finishes unseen.
      job.onAbort = () => {
        const index = queue.indexOf(job);
        if (index >= 0) queue.splice(index, 1);
        holdProcessWhileBusy();
        reject(signal.reason);
      };
      signal.addEventListener("abort", job.onAbort, { once: true });
    }
    queue.push(job);
    holdProcessWhileBusy();
  });
  // A warm detector takes the photo now; a loading one when it is ready (a failed load rejects it in stop()).
  if (state.loading) loaded.then(startNext, () => undefined);
  else startNext();
  return result;
}

function startNext() {
  if (state.running || !state.worker) return;
  const job = state.waiting.shift() ?? state.screening.shift();
  if (job) {
    state.running = { id: state.nextId++, job };
    state.worker.send({ id: state.running.id, kind: job.kind, frame: job.frame });
  }
  holdProcessWhileBusy();
}

// While the model loads or a photo waits or is read, the child keeps this process alive (a script
// awaiting it); an idle detector does not keep a script or a test run from ending.
function holdProcessWhileBusy() {
  const worker = state.worker;
  if (!worker) return;
  if (state.loading || state.running || state.waiting.length > 0 || state.screening.length > 0) {
    worker.ref();
    worker.channel?.ref();
  } else {
    worker.unref();
    worker.channel?.unref();
  }
}

function settle(message: { id: number; output: Float32Array } | { id: number; error: string }) {
  if (!state.running || state.running.id !== message.id) return;
  const { job } = state.running;
  state.running = null;
  if (job.onAbort) job.signal?.removeEventListener("abort", job.onAbort);
  if ("output" in message) job.resolve(message.output);
  else job.reject(new Error(`The detector failed: ${message.error}`));
  startNext();
}

/** A crashed detector fails what it held; the next photo starts a fresh one. */
function stop(stopped: ChildProcess, error: unknown) {
  if (state.worker !== stopped) return;
  state.worker = null;
  state.ready = null;
  state.loading = false;
  const failed = [...(state.running ? [state.running.job] : []), ...state.waiting.splice(0), ...state.screening.splice(0)];
  state.running = null;
  for (const job of failed) {
    if (job.onAbort) job.signal?.removeEventListener("abort", job.onAbort);
    job.reject(error);
  }
}

/** Stops the detector process (tests, the benchmark). */
export async function stopDetector(): Promise<void> {
  const current = state.worker;
  if (!current) return;
  stop(current, new Error("The detector was stopped."));
  if (current.exitCode !== null || current.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
  current.kill("SIGTERM");
  await exited;
}
