import { deleteRateLimit, deleteRateLimitsOlderThan, incrementRateLimit } from "@/lib/db/queries/rate-limits";
import { env } from "@/lib/env";

export type RateLimitPolicy = { limit: number; windowSeconds: number };

const MB = 1024 * 1024;

export const RATE_LIMITS = {
  // Sign-in is counted per account from one IP, per IP, and per account from everywhere. The
  // last is slower and skipped for a browser that has signed in to that account before (its
  // known-device cookie, lib/auth/known-device.ts), so someone guessing from many addresses
  // cannot lock the owner out.
  signIn: { limit: 10, windowSeconds: 300 },
  signInPerIp: { limit: 60, windowSeconds: 300 },
  signInPerAccount: { limit: 50, windowSeconds: 3600 },
  // Each account multiplies every per-account limit below (SIGN_UPS_PER_IP_PER_HOUR, default 10).
  signUpPerIp: { limit: env.SIGN_UPS_PER_IP_PER_HOUR, windowSeconds: 3600 },
  // Photos: a seller listing a stack of items at 10 photos each, not a script filling the disk.
  uploads: { limit: 60, windowSeconds: 3600 },
  uploadBytes: { limit: 200 * MB, windowSeconds: 86_400 },
  sendMessage: { limit: 20, windowSeconds: 60 },
  sendMessagePerIp: { limit: 60, windowSeconds: 60 },
  // Each pre-fill is a paid model call: generous for a seller listing a stack of items, not for a script.
  prefill: { limit: 20, windowSeconds: 600 },
  prefillPerIp: { limit: 60, windowSeconds: 600 },
  // Console playground: counted per column (one model call each), per admin.
  playground: { limit: 60, windowSeconds: 600 },
  // Reports: enough for someone who stumbles on a ring of fake listings, not for flooding the queue.
  reports: { limit: 20, windowSeconds: 86_400 },
  // A moderator's decisions: a fast working pace, not a script hiding the catalogue.
  moderatorActions: { limit: 120, windowSeconds: 3600 },
} satisfies Record<string, RateLimitPolicy>;

export type RateLimitVerdict = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Counts `amount` (one request, or bytes) against `key`; refused once the window's total passes the limit. */
export async function consumeRateLimit(key: string, policy: RateLimitPolicy, amount = 1): Promise<RateLimitVerdict> {
  const { count, windowStart } = await incrementRateLimit(key, policy.windowSeconds, amount);
  if (count <= policy.limit) return { ok: true, remaining: policy.limit - count };
  const windowEnds = windowStart.getTime() + policy.windowSeconds * 1000;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - Date.now()) / 1000)) };
}

/**
 * Counts one hit against each key (say, per account and per IP); refused as soon as one of
 * them is over its limit.
 */
export async function consumeRateLimits(checks: readonly (readonly [string, RateLimitPolicy, number?])[]): Promise<RateLimitVerdict> {
  let remaining = Infinity;
  for (const [key, policy, amount] of checks) {
    const verdict = await consumeRateLimit(key, policy, amount);
    if (!verdict.ok) return verdict;
    remaining = Math.min(remaining, verdict.remaining);
  }
  return { ok: true, remaining };
}

/** Forgets a counter, e.g. the failed sign-ins of an account from one address once it signs in. */
export function resetRateLimit(key: string): Promise<void> {
  return deleteRateLimit(key);
}

export function rateLimitMessage(retryAfterSeconds: number, what = "requests"): string {
  return `Too many ${what}. Try again in ${formatRetryAfter(retryAfterSeconds)}.`;
}

/** "42 seconds" up to five minutes, then whole minutes ("17 minutes"), past two hours whole hours. */
export function formatRetryAfter(seconds: number): string {
  if (seconds <= 300) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 120) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}

// The longest window above is a day: counters older than two have no say any more.
const RATE_LIMIT_ROWS_KEPT_MS = 2 * 86_400 * 1000;

/** Removes finished windows so the table holds only live counters (run by the hourly housekeeping). */
export function pruneRateLimits(now = new Date()): Promise<number> {
  return deleteRateLimitsOlderThan(new Date(now.getTime() - RATE_LIMIT_ROWS_KEPT_MS));
}
