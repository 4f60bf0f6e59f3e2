import type { MetadataRoute } from "next";
import { getSitemapListings } from "@/lib/db/queries/listings";
import { env } from "@/lib/env";

// Read per request: listings change all the time, and the build must never open the database.
export const dynamic = "force-dynamic";

// The sitemap protocol's limit is 50,000 URLs per file; one goes to the home page.
const MAX_LISTING_URLS = 49_999;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const listings = await getSitemapListings(MAX_LISTING_URLS);
  return [
    { url: new URL("/", env.APP_URL).toString(), changeFrequency: "hourly", priority: 1 },
    ...listings.map((listing) => ({
      url: new URL(`/listings/${listing.id}`, env.APP_URL).toString(),
      lastModified: listing.updatedAt,
      changeFrequency: "daily" as const,
    })),
  ];
}
