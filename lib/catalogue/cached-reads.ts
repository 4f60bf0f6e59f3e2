import { unstable_cache, updateTag } from "next/cache";
import { getListingById, searchListings, type ListingSearchResult, type SearchOrigin } from "@/lib/db/queries/listings";
import type { ListingSearch } from "@/lib/listings/search-params";

// What every visitor sees of the catalogue (search results, a listing's public page) read once
// and shared, instead of once per page view. Next's data cache holds the answers: in memory on
// one node, in Redis with REDIS_URL (lib/cache/redis-cache-handler.mjs), so a change made on one
// node is seen by all. Every change a buyer could see (publish, edit, status, delete, an offer
// accepted, moderation, suspension) expires the entries it touches at once through the tags
// below (invalidateListing, invalidateCatalogue); the lifetime only bounds what no action
// announces, such as a timed suspension running out.

/** Seconds an answer is served before it is read again (then once in the background). */
export const CATALOGUE_CACHE_SECONDS = 30;

/** Every search answer: any listing can enter or leave any search. */
export const CATALOGUE_TAG = "catalogue";
/** Every listing page: a suspension changes all of one seller's pages at once. */
export const LISTING_PAGES_TAG = "listing-pages";
export const listingTag = (listingId: string) => `listing:${listingId}`;

// The data cache stores JSON, where a Date becomes a string: dates are marked and revived.
function toJson(value: unknown): string {
  return JSON.stringify(value, function (key, json) {
    const raw = (this as Record<string, unknown>)[key];
    return raw instanceof Date ? { $date: raw.getTime() } : json;
  });
}

function fromJson<T>(text: string): T {
  return JSON.parse(text, (_key, value) => (value && typeof value === "object" && typeof value.$date === "number" ? new Date(value.$date) : value));
}

const cachedSearch = unstable_cache(
  async (search: ListingSearch, origin: SearchOrigin | null) => toJson(await searchListings(search, origin ?? undefined)),
  ["catalogue-search"],
  { tags: [CATALOGUE_TAG], revalidate: CATALOGUE_CACHE_SECONDS },
);

/** searchListings, shared between visitors for CATALOGUE_CACHE_SECONDS or until a change. */
export async function searchCatalogue(search: ListingSearch, origin?: SearchOrigin): Promise<ListingSearchResult> {
  // Only what the query reads is the key: a label or a flag beside the coordinates is not.
  const key = origin ? { lat: origin.lat, lng: origin.lng, km: origin.km } : null;
  return fromJson(await cachedSearch(search, key));
}

type ListingDetail = Awaited<ReturnType<typeof getListingById>>;

/** getListingById for the public listing page, shared between visitors like the search. */
export async function getCataloguedListing(listingId: string): Promise<ListingDetail> {
  const cached = unstable_cache(async () => toJson(await getListingById(listingId)), ["catalogue-listing", listingId], {
    tags: [listingTag(listingId), LISTING_PAGES_TAG],
    revalidate: CATALOGUE_CACHE_SECONDS,
  });
  return fromJson(await cached());
}

/**
 * After a change to one listing (its fields, photos, status, visibility, or its removal): its
 * page and every search are read afresh by the next request, the seller's own included. Only
 * in server actions (updateTag's rule).
 */
export function invalidateListing(listingId: string): void {
  updateTag(listingTag(listingId));
  updateTag(CATALOGUE_TAG);
}

/** After a change to a seller (suspended, suspension lifted): every search and listing page. */
export function invalidateCatalogue(): void {
  updateTag(CATALOGUE_TAG);
  updateTag(LISTING_PAGES_TAG);
}
