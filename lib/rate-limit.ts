import { incrementRateLimit } from "@/lib/db/queries/rate-limits";

export type RateLimitPolicy = { limit: number; windowSeconds: number };

export const RATE_LIMITS = {
  // Per account and, separately, per IP address (a shared IP gets a larger allowance).
  signIn: { limit: 10, windowSeconds: 300 },
  signInPerIp: { limit: 60, windowSeconds: 300 },
  sendMessage: { limit: 20, windowSeconds: 60 },
  sendMessagePerIp: { limit: 60, windowSeconds: 60 },
  // Each pre-fill is a paid model call: generous for a seller listing a stack of items, not for a script.
  prefill: { limit: 20, windowSeconds: 600 },
  prefillPerIp: { limit: 60, windowSeconds: 600 },
} satisfies Record<string, RateLimitPolicy>;

export type RateLimitVerdict = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export async function consumeRateLimit(key: string, policy: RateLimitPolicy): Promise<RateLimitVerdict> {
  const { count, windowStart } = await incrementRateLimit(key, policy.windowSeconds);
  if (count <= policy.limit) return { ok: true, remaining: policy.limit - count };
  const windowEnds = windowStart.getTime() + policy.windowSeconds * 1000;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - Date.now()) / 1000)) };
}

/**
 * Counts one hit against each key (say, per account and per IP); refused as soon as one of
 * them is over its limit.
 */
export async function consumeRateLimits(checks: readonly (readonly [string, RateLimitPolicy])[]): Promise<RateLimitVerdict> {
  let remaining = Infinity;
  for (const [key, policy] of checks) {
    const verdict = await consumeRateLimit(key, policy);
    if (!verdict.ok) return verdict;
    remaining = Math.min(remaining, verdict.remaining);
  }
  return { ok: true, remaining };
}

export function rateLimitMessage(retryAfterSeconds: number, what = "requests"): string {
  return `Too many ${what}. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;
}
