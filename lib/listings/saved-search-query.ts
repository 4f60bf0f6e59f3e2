import { formatPrice } from "./format";
import { CONDITION_LABELS } from "./options";
import { resolveNear } from "@/lib/places/gazetteer";
import { listingSearchSchema, searchRadiusKm, type ListingSearch } from "./search-params";

// A saved search is the results page's query string, normalised: the filters this module knows
// are parsed and written back in one spelling, any other parameter (a filter added later) is
// kept as it came, keys are sorted, and what never changes the results is dropped.
const NOT_A_FILTER = new Set(["page", "save"]);
const MAX_QUERY_LENGTH = 1000;
const MAX_VALUE_LENGTH = 200;

type Params = URLSearchParams | Record<string, string | string[] | undefined> | string;

function toEntries(params: Params): [string, string][] {
  if (typeof params === "string") return [...new URLSearchParams(params.startsWith("?") ? params.slice(1) : params)];
  if (params instanceof URLSearchParams) return [...params];
  return Object.entries(params).flatMap(([key, value]) =>
    value === undefined ? [] : Array.isArray(value) ? value.map((item): [string, string] => [key, item]) : [[key, value] as [string, string]],
  );
}

/** The normalised query string of a results page ("" for every listing), or null when it is too long to keep. */
export function normaliseSearchQuery(params: Params): string | null {
  const raw = new Map<string, string>();
  for (const [key, value] of toEntries(params)) {
    // The first value wins, as on the results page (parseListingSearch).
    if (!raw.has(key)) raw.set(key, value);
  }
  const known = listingSearchSchema.parse(Object.fromEntries(raw));
  const normalised = new URLSearchParams();
  for (const key of [...raw.keys()].sort()) {
    if (NOT_A_FILTER.has(key)) continue;
    const value = key in listingSearchSchema.shape ? knownValue(known, key as keyof ListingSearch) : raw.get(key)!.trim().slice(0, MAX_VALUE_LENGTH);
    if (value) normalised.set(key, value);
  }
  const query = normalised.toString();
  return query.length > MAX_QUERY_LENGTH ? null : query;
}

function knownValue(search: ListingSearch, key: keyof ListingSearch): string {
  const value = search[key];
  return value === undefined ? "" : String(value);
}

/** The filters of a saved query the publish-time match tests in SQL (prices in cents). */
export function savedSearchFilters(query: string) {
  const search = listingSearchSchema.parse(Object.fromEntries(new URLSearchParams(query)));
  return {
    q: search.q ?? null,
    category: search.category ?? null,
    condition: search.condition ?? null,
    minCents: search.min === undefined ? null : Math.round(search.min * 100),
    maxCents: search.max === undefined ? null : Math.round(search.max * 100),
    ...nearFilter(search),
  };
}

/** A near search's centre and radius; an unknown place filters nothing (the page said so when it was saved). */
function nearFilter(search: ListingSearch) {
  const origin = search.near ? resolveNear(search.near) : null;
  return origin ? { nearLat: origin.lat, nearLng: origin.lng, nearKm: searchRadiusKm(search) } : { nearLat: null, nearLng: null, nearKm: null };
}

/** A saved search in words: "“bike” · Sports · €10–€100 · Good". */
export function describeSavedSearch(query: string): string {
  const params = new URLSearchParams(query);
  const search = listingSearchSchema.parse(Object.fromEntries(params));
  const parts: string[] = [];
  if (search.q) parts.push(`“${search.q}”`);
  if (search.category) parts.push(search.category);
  if (search.min !== undefined && search.max !== undefined) parts.push(`${formatPrice(search.min * 100)}–${formatPrice(search.max * 100)}`);
  else if (search.min !== undefined) parts.push(`from ${formatPrice(search.min * 100)}`);
  else if (search.max !== undefined) parts.push(`up to ${formatPrice(search.max * 100)}`);
  if (search.condition) parts.push(CONDITION_LABELS[search.condition]);
  if (search.near) parts.push(`within ${searchRadiusKm(search)} km of ${resolveNear(search.near)?.label ?? search.near}`);
  const others = [...params.keys()].filter((key) => !(key in listingSearchSchema.shape));
  if (others.length > 0) parts.push(others.length === 1 ? "1 more filter" : `${others.length} more filters`);
  return parts.length > 0 ? parts.join(" · ") : "Everything new";
}
