import { z } from "zod";
import { withoutControlCharacters } from "@/lib/plain-text";
import { CATEGORIES, CONDITIONS, DEFAULT_RADIUS_KM, MAX_RADIUS_KM, SORTS } from "./options";

// The home page's filters, read from the URL. Anything malformed is dropped rather than
// failing the page, so a hand-edited or stale link still shows results.
const optionalNumber = z.preprocess(
  (value) => (value === "" || value === undefined ? undefined : Number(value)),
  z.number().finite().min(0).max(10_000_000).optional().catch(undefined),
);

export const listingSearchSchema = z.object({
  q: z
    .string()
    .overwrite(withoutControlCharacters)
    .trim()
    .max(200)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined),
  category: z.enum(CATEGORIES).optional().catch(undefined),
  condition: z.enum(CONDITIONS).optional().catch(undefined),
  min: optionalNumber,
  max: optionalNumber,
  sort: z.enum(SORTS).optional().catch(undefined),
  // A place's name as typed or picked ("Galway"), or a browser's coarsened position ("53.27,-9.05").
  near: z
    .string()
    .overwrite(withoutControlCharacters)
    .trim()
    .max(100)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined),
  // Kilometres, kept within 1–200: a bigger circle would be the whole island anyway.
  km: z.preprocess(
    (value) => (value === "" || value === undefined ? undefined : Number(value)),
    z
      .number()
      .finite()
      .transform((km) => Math.min(MAX_RADIUS_KM, Math.max(1, Math.round(km))))
      .optional()
      .catch(undefined),
  ),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export type ListingSearch = z.infer<typeof listingSearchSchema>;

export function parseListingSearch(params: Record<string, string | string[] | undefined>): ListingSearch {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return listingSearchSchema.parse(flat);
}

/** The effective sort: relevance only makes sense with a query, nearest first with a place. */
export function effectiveSort(search: ListingSearch) {
  if (search.sort === "relevance" && !search.q) return "newest";
  if (search.sort === "distance" && !search.near) return search.q ? "relevance" : "newest";
  return search.sort ?? (search.q ? "relevance" : "newest");
}

/** Builds a home-page URL from a search, dropping empty values and defaults. */
export function listingSearchHref(search: ListingSearch, changes: Partial<ListingSearch> = {}): string {
  const merged: ListingSearch = { ...search, ...changes };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.category) params.set("category", merged.category);
  if (merged.condition) params.set("condition", merged.condition);
  if (merged.min !== undefined) params.set("min", String(merged.min));
  if (merged.max !== undefined) params.set("max", String(merged.max));
  if (merged.near) params.set("near", merged.near);
  if (merged.near && merged.km !== undefined) params.set("km", String(merged.km));
  if (merged.sort) params.set("sort", merged.sort);
  if (merged.page && merged.page > 1) params.set("page", String(merged.page));
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

/** The radius of a near search: the URL's, or the default. */
export function searchRadiusKm(search: ListingSearch): number {
  return search.km ?? DEFAULT_RADIUS_KM;
}
