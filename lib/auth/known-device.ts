import crypto from "node:crypto";

// A browser that has signed in to an account carries this cookie: an HMAC of the account's
// email under the auth secret, so it cannot be made up for another account. Sign-in skips the
// per-account limit across all addresses for such a browser (OWASP's "device cookies"): a
// stranger guessing passwords from many addresses slows every other browser down, never the
// owner's own.
export const KNOWN_DEVICE_COOKIE = "trova.known-device";
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

export function knownDeviceToken(email: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(`known-device:${email.trim().toLowerCase()}`).digest("base64url");
}

export function isKnownDevice(headers: Headers | undefined | null, email: string, secret: string): boolean {
  const cookie = headers?.get("cookie") ?? "";
  const sent = cookie
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${KNOWN_DEVICE_COOKIE}=`))
    ?.slice(KNOWN_DEVICE_COOKIE.length + 1);
  if (!sent) return false;
  const expected = Buffer.from(knownDeviceToken(email, secret));
  const actual = Buffer.from(decodeURIComponent(sent));
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
