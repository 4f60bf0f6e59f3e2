import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { getDb, type Database } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { dataDir, env } from "@/lib/env";
import { consumeRateLimits, RATE_LIMITS, rateLimitMessage } from "@/lib/rate-limit";
import { getClientIp } from "@/lib/request-ip";
import { displayNameSchema } from "./schemas";

function createAuth(db: Database) {
  return betterAuth({
    appName: "Trova",
    baseURL: env.APP_URL,
    secret: readOrCreateSecret(),
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // Trova's own limiter (lib/rate-limit.ts) counts per account and per IP in the database;
    // better-auth's per-process memory limiter would count the same requests a second time.
    rateLimit: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // The API (POST /api/auth/...) takes a name as sent: hold it to the sign-up form's rules.
        if ((ctx.path === "/sign-up/email" || ctx.path === "/update-user") && ctx.body && "name" in ctx.body) {
          const name = displayNameSchema.safeParse(ctx.body.name);
          if (!name.success) throw new APIError("BAD_REQUEST", { message: name.error.issues[0].message });
          return { context: { body: { ...ctx.body, name: name.data } } };
        }
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : "";
        const ip = getClientIp(ctx.headers ?? ctx.request?.headers);
        const verdict = await consumeRateLimits([
          [`sign-in:ip:${ip}`, RATE_LIMITS.signInPerIp],
          [`sign-in:account:${email}`, RATE_LIMITS.signIn],
        ]);
        if (!verdict.ok) {
          throw new APIError("TOO_MANY_REQUESTS", { message: rateLimitMessage(verdict.retryAfterSeconds, "sign-in attempts") });
        }
      }),
    },
    plugins: [admin(), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as typeof globalThis & { trovaAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalForAuth.trovaAuth ??= getDb().then(createAuth);
  return globalForAuth.trovaAuth;
}

/** Drops the cached instance so the next call builds one on the current database (tests). */
export function resetAuthForTests(): void {
  globalForAuth.trovaAuth = undefined;
}

// With no BETTER_AUTH_SECRET configured, a random one is made once and kept beside the data,
// so sessions survive restarts without any set-up.
function readOrCreateSecret(): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
