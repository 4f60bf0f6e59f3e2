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
