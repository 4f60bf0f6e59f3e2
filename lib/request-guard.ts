import { env } from "@/lib/env";

/**
 * For route handlers that change something with a JSON body (server actions have Next.js's own
 * Origin check). A form on another site can post text/plain without a CORS preflight, so the
 * body must be declared JSON (415 otherwise), and a browser's Origin must be this site (403).
 * Returns the refusal, or null when the request may go on.
 */
export function refuseUnlessSameSiteJson(request: Request): Response | null {
  const contentType = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (contentType !== "application/json") {
    return Response.json({ message: "Send the request as application/json." }, { status: 415 });
  }
  if (!isSameOrigin(request.headers)) return Response.json({ message: "Cross-site requests are not accepted." }, { status: 403 });
  return null;
}

/** True when the browser says the request came from this site (or sent no Origin: not a browser form). */
export function isSameOrigin(headers: Headers): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = headers.get("origin");
  if (!origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  // As Next.js judges server actions: the host the request was sent to, or the public address.
  const requestHost = headers.get("x-forwarded-host")?.split(",")[0].trim() ?? headers.get("host");
  return host === requestHost || host === new URL(env.APP_URL).host;
}
