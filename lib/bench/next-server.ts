import crypto from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// Starts the production build (.next, from `next build`) as a server of its own: on a spare port,
// with a throw-away data directory unless one is given. Used by the benchmarks and by the e2e
// journeys that need a server they control (no "@/" imports: Playwright loads this file too).

export type NextServer = { url: string; pid: number; dataDir: string; output: () => string; stop: () => Promise<void> };

export async function spareTcpPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `answering`: ready once it answers at all, even 503 (a journey that starts it without its database). */
export async function startNextServer(env: Record<string, string>, options: { dataDir?: string; root?: string; ready?: "healthy" | "answering"; nodeArgs?: string[] } = {}): Promise<NextServer> {
  const root = options.root ?? process.cwd();
  const port = await spareTcpPort();
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "trova-server-"));
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    cwd: root,
    // A production node on PostgreSQL refuses to start without a shared secret; this one is its own.
    env: { ...process.env, DATA_DIR: dataDir, APP_URL: url, SEED_DEMO: "false", NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_SECRET: crypto.randomBytes(32).toString("base64url"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  // Ready once the health check answers (the database is opened and migrated on start).
  for (let attempt = 0; attempt < 480; attempt += 1) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok || (options.ready === "answering" && response.status === 503), () => false);
    if (healthy) return { url, pid: child.pid!, dataDir, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The server did not start:\n${output}`);
}

/** The resident memory of a process in bytes (Linux /proc), or null elsewhere. */
export function residentMemoryBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU time a process has used so far, user + system, in seconds (Linux /proc), or null elsewhere.
 * Less sensitive to other work on a shared machine than requests per second.
 */
export function processCpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces, hence from the last ")"): utime is the 12th, stime the 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const ticksPerSecond = 100; // USER_HZ, 100 on every Linux platform Node supports
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}
