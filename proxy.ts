import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { createNonce, pageContentSecurityPolicy } from "@/lib/security-headers";

// Gives every page a Content-Security-Policy with a fresh nonce. Next.js reads the policy from
// the request headers while rendering and puts the nonce on its own scripts, so only those run.
export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy(createNonce(), {
    development: env.NODE_ENV === "development",
    https: env.APP_URL.startsWith("https:"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
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
  ],
};
