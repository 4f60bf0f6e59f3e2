// A fleet on this machine: nginx in front of N Trova nodes on PostgreSQL, Redis and S3 storage.
//   npm run fleet -- --nodes 2 --port 8080
// Uses DATABASE_URL, REDIS_URL and S3_ENDPOINT (with S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID,
// S3_SECRET_ACCESS_KEY) when set; otherwise a database trova_fleet_<port> on the local PostgreSQL,
// the local Redis, and s3rver with its data under DATA_DIR/fleet-<port>. Ctrl-C stops it all.
import path from "node:path";
import { parseArgs } from "node:util";
import { FleetPrerequisiteError, startFleet, type Fleet } from "@/lib/fleet/fleet";
import { dataDir, env } from "@/lib/env";

const USAGE = "Usage: npm run fleet -- [--nodes 2] [--port 8080]";

let nodes = 2;
let port = 8080;
try {
  const { values } = parseArgs({ options: { nodes: { type: "string" }, port: { type: "string" } } });
  nodes = Number(values.nodes ?? 2);
  port = Number(values.port ?? 8080);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 8) throw new Error("--nodes must be 1 to 8.");
  if (!Number.isInteger(port) || port < 1024 || port > 65_000) throw new Error("--port must be between 1024 and 65000.");
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}

let fleet: Fleet | undefined;
let stopping = false;
async function shutDown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n[fleet] ${signal}: stopping nginx, the nodes and s3rver…`);
  await fleet?.stop();
  console.log("[fleet] stopped; nothing left running.");
  process.exit(0);
}
process.on("SIGINT", () => void shutDown("SIGINT"));
process.on("SIGTERM", () => void shutDown("SIGTERM"));

try {
  fleet = await startFleet({
    nodes,
    port,
    dataDir: path.join(dataDir, `fleet-${port}`),
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    s3:
      env.S3_ENDPOINT && env.S3_BUCKET
        ? { endpoint: env.S3_ENDPOINT, bucket: env.S3_BUCKET, region: env.S3_REGION, accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    log: (line) => console.log(line),
  });
  if (stopping) await fleet.stop();
  console.log(`Trova fleet ready on ${fleet.url}`);
  for (const node of fleet.nodes) console.log(`  ${node.id}: ${node.url} (pid ${node.pid})`);
  console.log(`  PostgreSQL: ${fleet.databaseUrl.replace(/\/\/[^@]*@/, "//…@")}`);
  console.log(`  Redis: ${fleet.redisUrl}`);
  console.log(`  S3: ${fleet.s3Endpoint}`);
  console.log("Ctrl-C stops everything.");
} catch (error) {
  console.error(error instanceof FleetPrerequisiteError ? error.message : error);
  process.exit(1);
}
