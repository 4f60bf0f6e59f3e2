import path from "node:path";
import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0", ""])
  .transform((value) => value === "true" || value === "1");

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
  // Allows the deterministic mock:* models. Only test set-ups turn this on.
  AI_MOCK_MODELS: booleanFromString.default(false),
  // Days of AI call records (and the photos only they refer to) that `npm run prune:calls` keeps.
  AI_CALL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // Proxies of your own in front of Trova that append to X-Forwarded-For (nginx, a load balancer,
  // Vercel's edge): per-IP rate limits believe that many entries from the right and no more.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}\nSee .env.example for every variable.`);
  }
  return parsed.data;
}

export const env = parseEnv();

export const dataDir = path.resolve(env.DATA_DIR);
