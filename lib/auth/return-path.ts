import { env } from "@/lib/env";

// Browsers drop tabs and newlines from a URL and read "\" as "/", so "/\t/evil.example" is
// "//evil.example" to them: any control or whitespace character refuses the value outright.
const UNSAFE_CHARACTER = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff\\]/;

/**
 * Only same-site paths are followed after sign-in, never another origin. The value is parsed
 * with the URL parser against the app's own origin (as a browser would resolve it) and kept only
 * when it stays on that origin; what is returned is the parsed path, search and hash.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return fallback;
  if (UNSAFE_CHARACTER.test(value) || UNSAFE_CHARACTER.test(safelyDecoded(value))) return fallback;
  const origin = new URL(env.APP_URL).origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/%2f%2fevil.example" stays on this origin as a path, but a router or proxy that decodes it
  // once more would see "//evil.example": a path that starts with two slashes is refused too.
  return path.startsWith("//") || /^\/%2f/i.test(path) || /^\/%5c/i.test(path) ? fallback : path;
}

function safelyDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return "\u0000";
  }
}
