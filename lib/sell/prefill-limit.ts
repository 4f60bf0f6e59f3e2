import { consumeRateLimits, RATE_LIMITS } from "@/lib/rate-limit";

/**
 * Counts one pre-fill against the seller's account and their IP address. Returns the sentence to
 * show when either is over its limit (the form stays usable by hand), or null when it may run.
 */
export async function consumePrefillAllowance(userId: string, ip: string): Promise<string | null> {
  const verdict = await consumeRateLimits([
    [`prefill:ip:${ip}`, RATE_LIMITS.prefillPerIp],
    [`prefill:account:${userId}`, RATE_LIMITS.prefill],
  ]);
  if (verdict.ok) return null;
  const seconds = `${verdict.retryAfterSeconds} second${verdict.retryAfterSeconds === 1 ? "" : "s"}`;
  return `That's a lot of photo suggestions in a short time. Fill in the details below, or try again in ${seconds}.`;
}
