import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isHttpsRequest } from "@/lib/request-ip";
import { createNonce, pageContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";

// Gives every page a Content-Security-Policy with a fresh nonce. Next.js reads the policy from
// the request headers while rendering and puts the nonce on its own scripts, so only those run.
// Over HTTPS (lib/request-ip.ts isHttpsRequest) pages also carry Strict-Transport-Security.
export function proxy(request: NextRequest) {
  if (request.headers.has("next-action")) return actionTooLarge();
  const https = isHttpsRequest(request.headers);
  const policy = pageContentSecurityPolicy(createNonce(), { development: env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

// Only server-action calls whose Content-Length is over the 16 MB action cap reach this (the
// second matcher below): Next.js would read them up to the cap and answer 500; this is a 413.
// (Next.js buffers up to 10 MB of a body before its proxy runs, the most one such call costs.)
function actionTooLarge() {
  return NextResponse.json({ message: "That request is too large: photos can be up to 15 MB each." }, { status: 413 });
}

export const config = {
  matcher: [
    {
      // Pages only: API answers and images get a stricter fixed policy (next.config.ts), and
      // build assets need none.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      // Prefetches and server-action calls return no document to protect. Skipping the action
      // calls also matters for uploads: Next.js buffers a request body for the proxy, cut at 10 MB.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "next-action" },
      ],
    },
    {
      // A server-action call declaring a body over 16 MiB (16,777,216 bytes; serverActions.bodySizeLimit
      // in next.config.ts): at least 16,777,217 as 8 digits, or 9 digits and more.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      has: [
        { type: "header", key: "next-action" },
        {
          type: "header",
          key: "content-length",
          value: "(1677721[7-9]|167772[2-9]\\d|16777[3-9]\\d{2}|1677[89]\\d{3}|167[89]\\d{4}|16[89]\\d{5}|1[7-9]\\d{6}|[2-9]\\d{7}|[1-9]\\d{8,})",
        },
      ],
    },
  ],
};
