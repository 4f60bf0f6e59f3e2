import os from "node:os";
import path from "node:path";
import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0", ""])
  .transform((value) => value === "true" || value === "1");

const optionalText = z.string().min(1).optional().or(z.literal("").transform(() => undefined));
const optionalUrl = z.string().url().optional().or(z.literal("").transform(() => undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Where the embedded database and uploaded images live when DATABASE_URL is not set.
  DATA_DIR: z.string().min(1).default("./data"),
  // A PostgreSQL server; when absent, the embedded PGlite database under DATA_DIR is used.
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  // The public address of the site: links in the sitemap, OpenGraph tags, auth callbacks.
  APP_URL: z.string().url().default("http://localhost:3000"),
  // Signs session cookies. When absent, one is generated and kept in DATA_DIR.
  BETTER_AUTH_SECRET: z.string().min(32).optional().or(z.literal("").transform(() => undefined)),
  // Fill an empty database with demo listings on start.
  SEED_DEMO: booleanFromString.default(true),
  // Upload limits: bytes per photo and pixels per photo (decompression bombs).
  MAX_UPLOAD_MB: z.coerce.number().positive().max(100).default(15),
  MAX_UPLOAD_MEGAPIXELS: z.coerce.number().positive().max(200).default(50),
  // The model that pre-fills listings: openai:<model>, openai-compatible:<model>, local:vision, or (tests) mock:<scenario>.
  // Default: openai:gpt-4o-mini when OPENAI_API_KEY is set, otherwise local:vision (built in, offline).
  AI_MODEL: z.string().regex(/^[a-z-]+:[\w.:/-]+$/, "use provider:model, e.g. openai:gpt-4o-mini").optional().or(z.literal("").transform(() => undefined)),
  OPENAI_API_KEY: z.string().optional().or(z.literal("").transform(() => undefined)),
  // An OpenAI-compatible server (Ollama, vLLM, LM Studio), e.g. http://127.0.0.1:11434/v1
  OPENAI_BASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  // When a remote model fails or times out, answer with the built-in local:vision, or (none) fail as before.
  AI_FALLBACK: z.enum(["local:vision", "none"]).default("local:vision"),
  // Upper bound for one pre-fill, retries included.
  AI_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(20_000),
  // The built-in reader's CPU priority (its own process): 0 as the web server, 19 the lowest. Higher
  // keeps pages fast while photos are read, at the cost of slower pre-fills when the site is busy.
  LOCAL_VISION_NICE: z.coerce.number().int().min(0).max(19).default(10),
  // Allows the deterministic mock:* models. Only test set-ups turn this on.
  AI_MOCK_MODELS: booleanFromString.default(false),
  // Days of AI call records (and the photos only they refer to) that `npm run prune:calls` keeps.
  AI_CALL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // Photo screening (README "Trust and safety"): an uploaded photo whose explicit-content score
  // (0–1, nsfwjs MobileNetV2) is at least this stays published but goes to the moderation queue.
  PHOTO_SCREENING_THRESHOLD: z.coerce.number().min(0).max(1).default(0.7),
  // Proxies of your own in front of Trova that append to X-Forwarded-For (nginx, a load balancer,
  // Vercel's edge): per-IP rate limits believe that many entries from the right and no more.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  // New accounts one IP address may create per hour. Raise it where many people share one
  // address (a campus or office NAT); the e2e server, all on localhost, sets it high.
  SIGN_UPS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  // Photos in S3-compatible object storage (AWS S3, MinIO, Ceph, R2…) instead of DATA_DIR/uploads:
  // set S3_BUCKET, and S3_ENDPOINT for anything that is not AWS itself.
  S3_ENDPOINT: optionalUrl,
  S3_BUCKET: optionalText,
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  // A Redis server that shares Next's data cache and tag invalidations between nodes.
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "use redis://host:port or rediss://…").optional().or(z.literal("").transform(() => undefined)),
  // Prefix of every Redis key Trova writes, so several apps (or test runs) can share one server.
  REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,40}$/).default("trova:"),
  // Which node answered, sent as the x-trova-node header. Default: hostname:port.
  NODE_ID: z.string().regex(/^[\w.:-]{1,64}$/, "letters, digits and . : _ - only").optional().or(z.literal("").transform(() => undefined)),
  // Set by `next start -p`; only used for the default NODE_ID.
  PORT: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}\nSee .env.example for every variable.`);
  }
  const problems = crossFieldProblems(parsed.data);
  if (problems.length > 0) throw new Error(`Invalid environment configuration:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
  return parsed.data;
}

function crossFieldProblems(config: Env): string[] {
  const problems: string[] = [];
  if ((config.S3_ENDPOINT || config.S3_ACCESS_KEY_ID || config.S3_SECRET_ACCESS_KEY) && !config.S3_BUCKET) {
    problems.push("S3_BUCKET: required when S3_ENDPOINT or S3 credentials are set (the bucket that holds the photos).");
  }
  if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
    problems.push("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both, or neither (the AWS SDK then finds credentials itself).");
  }
  return problems;
}

export const env = parseEnv();

export const dataDir = path.resolve(env.DATA_DIR);

/**
 * Every node must sign sessions with the same secret; a per-node random one would sign users out
 * whenever the load balancer picks another node. Checked when a server starts (not at build).
 */
export function sharedSecretProblem(config: Env = env): string | null {
  if (!config.DATABASE_URL || config.NODE_ENV !== "production" || config.BETTER_AUTH_SECRET) return null;
  return (
    "BETTER_AUTH_SECRET is required in production with DATABASE_URL: several nodes share the database and must sign " +
    "sessions with the same secret. Set the same value (32+ characters, e.g. `openssl rand -base64 32`) on every node."
  );
}

/** The x-trova-node header's value: NODE_ID, or this machine's name and the server's port. */
export const nodeId = env.NODE_ID ?? `${os.hostname()}:${env.PORT ?? "3000"}`;
