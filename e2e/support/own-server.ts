import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// Some journeys need a Trova server of their own (a database they can take away, a process whose
// memory they can read). It runs the production build the e2e web server made (.next), on a spare
// port, with a throw-away data directory.

export type OwnServer = { url: string; pid: number; dataDir: string; output: () => string; stop: () => Promise<void> };

export async function spareTcpPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startOwnServer(env: Record<string, string>): Promise<OwnServer> {
  const port = await spareTcpPort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trova-e2e-own-"));
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      APP_URL: url,
      SEED_DEMO: "false",
      NEXT_TELEMETRY_DISABLED: "1",
      AI_MODEL: "mock:instant",
      AI_MOCK_MODELS: "true",
      AI_TIMEOUT_MS: "3000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  // Ready once the health check answers (the database is opened and migrated on start).
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return { url, pid: child.pid!, dataDir, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The test's own server did not start:\n${output}`);
}
