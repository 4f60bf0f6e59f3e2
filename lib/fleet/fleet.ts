import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { createClient } from "redis";
import { startLocalS3Server, type LocalS3Server } from "./s3-server";

// A Trova fleet on one machine: nginx in front of N `next start` nodes on shared PostgreSQL,
// Redis and S3-compatible storage (`npm run fleet`, the fleet journey, the benchmark's fleet
// row). No "@/" imports: Playwright loads this file too.

export type FleetOptions = {
  nodes: number;
  /** nginx listens here; node i listens on port + i. */
  port: number;
  root?: string;
  /** Folder for the fleet's own files (nginx config and logs, s3rver data, each node's DATA_DIR). */
  dataDir: string;
  /** PostgreSQL; default: a database named trova_fleet_<port> on the local server, created when missing. */
  databaseUrl?: string;
  /** Drop and recreate the database first (the fleet journey starts from an empty one). */
  freshDatabase?: boolean;
  redisUrl?: string;
  /** An S3 server of your own; default: s3rver started here, with its data under dataDir. */
  s3?: { endpoint: string; bucket: string; region: string; accessKeyId?: string; secretAccessKey?: string };
  s3Port?: number;
  /** Extra environment for every node (AI_MODEL, SEED_DEMO…). */
  nodeEnv?: Record<string, string>;
  log?: (line: string) => void;
};

export type FleetNode = { id: string; url: string; port: number; pid: number; alive: () => boolean; kill: () => Promise<void>; output: () => string };

export type Fleet = {
  url: string;
  nodes: FleetNode[];
  databaseUrl: string;
  redisUrl: string;
  s3Endpoint: string;
  /** The s3rver this fleet started (null with an S3 server of your own): the journey takes it away. */
  localStorage: { stop: () => Promise<void>; start: () => Promise<void> } | null;
  stop: () => Promise<void>;
};

/** Something the machine lacks (nginx, PostgreSQL, Redis), with what to do about it. */
export class FleetPrerequisiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FleetPrerequisiteError";
  }
}

const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";
const LOCAL_REDIS = "redis://127.0.0.1:6379";

export function nginxBinary(): string | null {
  for (const candidate of ["nginx", "/usr/sbin/nginx"]) {
    if (spawnSync(candidate, ["-v"], { stdio: "ignore" }).status === 0) return candidate;
  }
  return null;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.setTimeout(2_000);
    socket.once("connect", () => (socket.end(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}

/** What is missing for a fleet on this machine, or null when everything is there. */
export async function missingFleetPrerequisite(options: { databaseUrl?: string; redisUrl?: string } = {}): Promise<string | null> {
  if (!nginxBinary()) return "nginx is not installed. On Debian/Ubuntu: sudo apt-get install -y nginx (the fleet runs its own nginx, never the system service).";
  const database = new URL(options.databaseUrl ?? LOCAL_POSTGRES);
  if (!(await canConnect(database.hostname, Number(database.port || 5432)))) {
    return `No PostgreSQL server on ${database.host}: start one (sudo apt-get install -y postgresql) or set DATABASE_URL.`;
  }
  const redis = new URL(options.redisUrl ?? LOCAL_REDIS);
  if (!(await canConnect(redis.hostname, Number(redis.port || 6379)))) {
    return `No Redis server on ${redis.host}: start one (sudo apt-get install -y redis-server) or set REDIS_URL.`;
  }
  return null;
}

/** Removes every key under `prefix`: the shared cache of an earlier fleet on this port. */
async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const client = await createClient({ url }).connect();
  try {
    for await (const found of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      const keys = [found].flat();
      if (keys.length > 0) await client.del(keys);
    }
  } finally {
    await client.quit();
  }
}

async function ensureDatabase(url: string, fresh: boolean): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[\w-]+$/.test(name)) throw new Error(`Unusual database name "${name}": create it yourself and pass DATABASE_URL.`);
  const serverUrl = new URL(url);
  serverUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  try {
    if (fresh) await admin.query(`drop database if exists "${name}" with (force)`);
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

function runToEnd(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; label: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${options.label} failed (exit ${code}):\n${output}`))));
  });
}

async function waitForHealth(url: string, child: ChildProcess | null, describe: () => string, attempts = 480): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (child && child.exitCode !== null) break;
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become healthy:\n${describe()}`);
}

function exitOf(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

export function renderNginxConfig(template: string, options: { listen: string; runtimeDir: string; nodePorts: number[] }): string {
  const server = (port: number, backup = false) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=5s${backup ? " backup" : ""};`;
  const pinned = options.nodePorts
    .map((port, index) => {
      const others = options.nodePorts.filter((other) => other !== port).map((other) => `    ${server(other, true)}`);
      return [`  upstream trova_pin_${index + 1} {`, `    ${server(port)}`, ...others, "    keepalive 8;", "    keepalive_timeout 4s;", "  }"].join("\n");
    })
    .join("\n");
  return template
    .replaceAll("{{RUNTIME_DIR}}", options.runtimeDir)
    .replaceAll("{{LISTEN}}", options.listen)
    .replaceAll("{{NODE_SERVERS}}", options.nodePorts.map((port) => `    ${server(port)}`).join("\n"))
    .replaceAll("{{PINNED_UPSTREAMS}}", pinned)
    .replaceAll("{{PIN_MAP}}", options.nodePorts.map((_, index) => `    "${index + 1}" trova_pin_${index + 1};`).join("\n"));
}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const root = options.root ?? process.cwd();
  const log = options.log ?? (() => {});
  const nginx = nginxBinary();
  if (!nginx) throw new FleetPrerequisiteError((await missingFleetPrerequisite()) ?? "nginx is missing");
  const missing = await missingFleetPrerequisite({ databaseUrl: options.databaseUrl, redisUrl: options.redisUrl });
  if (missing) throw new FleetPrerequisiteError(missing);

  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.splice(0).reverse()) await stopOne().catch((error) => log(`[fleet] while stopping: ${error}`));
  };

  try {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
    if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
      log("[fleet] no production build yet: running next build (a few minutes)…");
      await runToEnd(process.execPath, [nextBin, "build"], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, label: "next build" });
    }

    const databaseUrl = options.databaseUrl ?? LOCAL_POSTGRES.replace(/\/postgres$/, `/trova_fleet_${options.port}`);
    await ensureDatabase(databaseUrl, Boolean(options.freshDatabase));
    const redisUrl = options.redisUrl ?? LOCAL_REDIS;
    const redisKeyPrefix = `trova-fleet-${options.port}:`;
    // A fresh database with the last fleet's cache would show listings that are gone.
    if (options.freshDatabase) await deleteRedisKeys(redisUrl, redisKeyPrefix);

    let s3 = options.s3;
    let localStorage: Fleet["localStorage"] = null;
    if (!s3) {
      const directory = path.join(options.dataDir, "s3");
      let server: LocalS3Server | null = await startLocalS3Server({ directory, port: options.s3Port });
      const port = Number(new URL(server.endpoint).port);
      localStorage = {
        stop: async () => {
          await server?.stop();
          server = null;
        },
        start: async () => {
          server ??= await startLocalS3Server({ directory, port });
        },
      };
      stops.push(localStorage.stop);
      s3 = server;
    }

    // One secret for every node, kept with the fleet's files so sessions survive a restart.
    const secretFile = path.join(options.dataDir, "auth-secret");
    if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
    const secret = process.env.BETTER_AUTH_SECRET || fs.readFileSync(secretFile, "utf8").trim();

    const url = `http://127.0.0.1:${options.port}`;
    const shared: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: redisKeyPrefix,
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_REGION: s3.region,
      S3_ACCESS_KEY_ID: s3.accessKeyId ?? "",
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey ?? "",
      BETTER_AUTH_SECRET: secret,
      APP_URL: url,
      TRUSTED_PROXY_HOPS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.nodeEnv,
    };

    // The release step: migrate once, then start the nodes (they would also wait on the lock).
    log("[fleet] applying migrations…");
    const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
    await runToEnd(process.execPath, [tsx, "scripts/migrate.ts"], {
      cwd: root,
      env: { ...process.env, ...shared, DATA_DIR: path.join(options.dataDir, "migrate"), NODE_ENV: "production" },
      label: "npm run db:migrate",
    });

    const nodes: FleetNode[] = [];
    const children: ChildProcess[] = [];
    for (let index = 1; index <= options.nodes; index++) {
      const port = options.port + index;
      const id = `node-${index}`;
      const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
        cwd: root,
        env: { ...process.env, ...shared, NODE_ID: id, PORT: String(port), DATA_DIR: path.join(options.dataDir, id) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout?.on("data", (chunk) => (output += chunk));
      child.stderr?.on("data", (chunk) => (output += chunk));
      const exited = exitOf(child);
      const kill = async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
        await exited;
      };
      stops.push(async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
        await exited;
      });
      nodes.push({ id, url: `http://127.0.0.1:${port}`, port, pid: child.pid!, alive: () => child.exitCode === null && child.signalCode === null, kill, output: () => output });
      children.push(child);
    }
    log(`[fleet] starting ${options.nodes} node(s)…`);
    await Promise.all(nodes.map((node, index) => waitForHealth(node.url, children[index], node.output)));

    const runtimeDir = path.join(options.dataDir, "nginx");
    fs.mkdirSync(runtimeDir, { recursive: true });
    const config = renderNginxConfig(fs.readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8"), {
      listen: `127.0.0.1:${options.port}`,
      runtimeDir,
      nodePorts: nodes.map((node) => node.port),
    });
    const configFile = path.join(runtimeDir, "nginx.conf");
    fs.writeFileSync(configFile, config);
    const nginxArgs = ["-p", runtimeDir, "-e", path.join(runtimeDir, "error.log"), "-c", configFile];
    await runToEnd(nginx, [...nginxArgs, "-t"], { cwd: root, env: process.env, label: "nginx -t" });
    const balancer = spawn(nginx, [...nginxArgs, "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
    let nginxOutput = "";
    balancer.stderr?.on("data", (chunk) => (nginxOutput += chunk));
    const nginxExited = exitOf(balancer);
    stops.push(async () => {
      // SIGQUIT: finish the requests in flight, then stop the workers and the master.
      if (balancer.exitCode === null && balancer.signalCode === null) balancer.kill("SIGQUIT");
      await nginxExited;
    });
    await waitForHealth(url, balancer, () => nginxOutput, 80);

    return { url, nodes, databaseUrl, redisUrl, s3Endpoint: s3.endpoint, localStorage, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
