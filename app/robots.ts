import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

// APP_URL is read when the server runs, not frozen at build time.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      // Private or per-user pages that a crawler has no business fetching.
      disallow: ["/api/", "/messages", "/my-listings", "/sell", "/sign-in", "/sign-up"],
    },
    sitemap: new URL("/sitemap.xml", env.APP_URL).toString(),
  };
}
