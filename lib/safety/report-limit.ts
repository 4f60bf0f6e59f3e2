import { consumeRateLimit, RATE_LIMITS, rateLimitMessage } from "@/lib/rate-limit";

/** Counts one report against the person; the message to show when they are over today's limit, or null. */
export async function consumeReportAllowance(userId: string): Promise<string | null> {
  const verdict = await consumeRateLimit(`report:${userId}`, RATE_LIMITS.reports);
  return verdict.ok ? null : rateLimitMessage(verdict.retryAfterSeconds, "reports today");
}
