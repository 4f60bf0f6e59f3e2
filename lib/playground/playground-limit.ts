import { consumeRateLimit, formatRetryAfter, RATE_LIMITS } from "@/lib/rate-limit";

/**
 * Counts a run's columns (each is a model call, paid for a hosted model) against the admin's
 * playground allowance. Returns the sentence to show when it is used up, or null.
 */
export async function consumePlaygroundAllowance(adminId: string, columns: number): Promise<string | null> {
  const verdict = await consumeRateLimit(`playground:admin:${adminId}`, RATE_LIMITS.playground, columns);
  if (verdict.ok) return null;
  return `That's a lot of playground runs in a short time (${RATE_LIMITS.playground.limit} columns per ${RATE_LIMITS.playground.windowSeconds / 60} minutes). Try again in ${formatRetryAfter(verdict.retryAfterSeconds)}.`;
}
