import { consumeRateLimits, formatRetryAfter, RATE_LIMITS } from "@/lib/rate-limit";

/**
 * Counts one photo of `bytes` against the seller's hourly photo count and daily upload bytes
 * (lib/rate-limit.ts). Returns the sentence to show when either is used up, or null.
 */
export async function consumeUploadAllowance(userId: string, bytes: number): Promise<string | null> {
  const verdict = await consumeRateLimits([
    [`upload:account:${userId}`, RATE_LIMITS.uploads],
    [`upload-bytes:account:${userId}`, RATE_LIMITS.uploadBytes, Math.max(1, bytes)],
  ]);
  if (verdict.ok) return null;
  return `You've added a lot of photos in a short time. Try again in ${formatRetryAfter(verdict.retryAfterSeconds)}.`;
}
