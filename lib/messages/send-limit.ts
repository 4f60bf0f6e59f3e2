import { consumeRateLimits, RATE_LIMITS, rateLimitMessage, type RateLimitPolicy } from "@/lib/rate-limit";

type SendLimitPolicies = { perAccount: RateLimitPolicy; perIp: RateLimitPolicy };

const DEFAULT_POLICIES: SendLimitPolicies = { perAccount: RATE_LIMITS.sendMessage, perIp: RATE_LIMITS.sendMessagePerIp };

/**
 * Counts one message against the sender's account and their IP address. Returns the message to
 * show when either is over its limit, or null when the message may go out.
 */
export async function consumeMessageAllowance(
  userId: string,
  ip: string,
  policies: SendLimitPolicies = DEFAULT_POLICIES,
): Promise<string | null> {
  const verdict = await consumeRateLimits([
    [`send-message:ip:${ip}`, policies.perIp],
    [`send-message:account:${userId}`, policies.perAccount],
  ]);
  return verdict.ok ? null : rateLimitMessage(verdict.retryAfterSeconds, "messages");
}
