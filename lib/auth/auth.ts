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
import { dataDir, env, sharedSecretProblem } from "@/lib/env";
import { consumeRateLimit, consumeRateLimits, resetRateLimit, RATE_LIMITS, rateLimitMessage } from "@/lib/rate-limit";
import { getClientIp, isHttpsRequest } from "@/lib/request-ip";
import { isKnownDevice, KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_SECONDS, knownDeviceToken } from "./known-device";
import { displayNameSchema } from "./schemas";

function createAuth(db: Database, https: boolean) {
  const secret = readOrCreateSecret();
  return betterAuth({
    appName: "Trova",
    baseURL: env.APP_URL,
    secret,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // With an https APP_URL better-auth already marks cookies Secure (and prefixes them
    // __Secure-); behind a TLS-terminating proxy on an http APP_URL, the request decides.
    advanced: https ? { defaultCookieAttributes: { secure: true } } : undefined,
    // Trova's own limiter (lib/rate-limit.ts) counts per account and per IP in the database;
    // better-auth's per-process memory limiter would count the same requests a second time.
    rateLimit: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const requestHeaders = ctx.headers ?? ctx.request?.headers;
        const ip = getClientIp(requestHeaders);
        // Server code that creates accounts itself (the seed, `npm run admin`) passes no request
        // headers: only sign-ups that came in over the network count against an address.
        if (ctx.path === "/sign-up/email" && requestHeaders) {
          const verdict = await consumeRateLimit(`sign-up:ip:${ip}`, RATE_LIMITS.signUpPerIp);
          if (!verdict.ok) throw new APIError("TOO_MANY_REQUESTS", { message: rateLimitMessage(verdict.retryAfterSeconds, "new accounts from your network") });
        }
        // The API (POST /api/auth/...) takes a name as sent: hold it to the sign-up form's rules.
        if ((ctx.path === "/sign-up/email" || ctx.path === "/update-user") && ctx.body && "name" in ctx.body) {
          const name = displayNameSchema.safeParse(ctx.body.name);
          if (!name.success) throw new APIError("BAD_REQUEST", { message: name.error.issues[0].message });
          return { context: { body: { ...ctx.body, name: name.data } } };
        }
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : "";
        const knownDevice = isKnownDevice(requestHeaders, email, secret);
        const verdict = await consumeRateLimits([
          [`sign-in:ip:${ip}`, RATE_LIMITS.signInPerIp],
          [`sign-in:account-ip:${email}:${ip}`, RATE_LIMITS.signIn],
          ...(knownDevice ? [] : [[`sign-in:account:${email}`, RATE_LIMITS.signInPerAccount] as const]),
        ]);
        if (!verdict.ok) {
          throw new APIError("TOO_MANY_REQUESTS", { message: rateLimitMessage(verdict.retryAfterSeconds, "sign-in attempts") });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email" && ctx.path !== "/sign-up/email") return;
        const email = ctx.context.newSession?.user.email;
        if (!email) return;
        // The per account + address limit is there to stop guessing: the right password from
        // that address ends the guessing, so someone who signs in often is never held back by it.
        if (ctx.path === "/sign-in/email") {
          await resetRateLimit(`sign-in:account-ip:${email.toLowerCase()}:${getClientIp(ctx.headers ?? ctx.request?.headers)}`);
        }
        ctx.setCookie(KNOWN_DEVICE_COOKIE, knownDeviceToken(email, secret), {
          httpOnly: true,
          sameSite: "lax",
          path: "/",
          secure: https,
          maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS,
        });
      }),
    },
    plugins: [admin(), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as typeof globalThis & { trovaAuth?: Map<boolean, Promise<Auth>> };

/**
 * better-auth for a request: pass its headers so cookies set in answer are `Secure` when it came
 * over HTTPS (lib/request-ip.ts). Two instances at most, one per scheme.
 */
export function getAuth(requestHeaders?: Headers | null): Promise<Auth> {
  const https = isHttpsRequest(requestHeaders);
  globalForAuth.trovaAuth ??= new Map();
  let auth = globalForAuth.trovaAuth.get(https);
  if (!auth) {
    auth = getDb().then((db) => createAuth(db, https));
    auth.catch(() => globalForAuth.trovaAuth?.delete(https));
    globalForAuth.trovaAuth.set(https, auth);
  }
  return auth;
}

/** Drops the cached instances so the next call builds one on the current database (tests). */
export function resetAuthForTests(): void {
  globalForAuth.trovaAuth = undefined;
}

// With no BETTER_AUTH_SECRET configured, a random one is made once and kept beside the data,
// so sessions survive restarts without any set-up.
function readOrCreateSecret(): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  const problem = sharedSecretProblem();
  if (problem) throw new Error(problem);
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
