import { isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * The caller's address, for per-IP rate limits.
 *
 * Each proxy appends the address it saw to X-Forwarded-For, so only the entries our own
 * proxies wrote can be believed; anything to their left came from the client and may be
 * forged. The client is therefore the entry TRUSTED_PROXY_HOPS places from the right (1: one
 * proxy such as nginx or Vercel's edge in front of Trova). `next start` on its own writes the
 * socket address there only when the request brought no header, which is why Trova should be
 * served behind a proxy that sets it (README, "Reliability and security").
 */
export function getClientIp(headers: Headers | undefined | null, hops = env.TRUSTED_PROXY_HOPS): string {
  const chain = (headers?.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = chain.length ? chain[Math.max(0, chain.length - Math.max(1, hops))] : headers?.get("x-real-ip")?.trim();
  return normaliseIp(candidate);
}

function normaliseIp(value: string | undefined): string {
  if (!value) return "unknown";
  // "::ffff:203.0.113.7" is the IPv4 address seen through an IPv6 socket: one caller, one key.
  // Some proxies add the port: "203.0.113.7:51234", "[2001:db8::1]:443".
  const address = value
    .toLowerCase()
    .replace(/^\[([^\]]+)\](?::\d+)?$/, "$1")
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1")
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return isIP(address) ? address : "unknown";
}

/**
 * Whether the caller reached Trova over HTTPS: always when APP_URL is https, otherwise when the
 * proxy in front said so in X-Forwarded-Proto (the entry TRUSTED_PROXY_HOPS places from the
 * right, as for X-Forwarded-For). Decides `Secure` cookies and HSTS. On a bare server a client
 * can send the header itself, but it gains nothing: its own cookies turn `Secure` (and its
 * browser stops sending them over http), and browsers ignore HSTS received over http.
 */
export function isHttpsRequest(headers: Headers | undefined | null, options = { appUrl: env.APP_URL, hops: env.TRUSTED_PROXY_HOPS }): boolean {
  if (options.appUrl.startsWith("https:")) return true;
  const chain = (headers?.get("x-forwarded-proto") ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  return chain.length > 0 && chain[Math.max(0, chain.length - Math.max(1, options.hops))] === "https";
}
