"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PlaceInput } from "@/components/places/place-input";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { CONDITION_LABELS, CONDITIONS, DEFAULT_RADIUS_KM, RADIUS_CHOICES_KM, SORT_LABELS } from "@/lib/listings/options";
import { listingSearchHref, type ListingSearch } from "@/lib/listings/search-params";
import { coarsenCoordinates } from "@/lib/places/distance";

type SearchFiltersProps = {
  search: ListingSearch;
  /** Why `near` was not used (an unknown place), shown beside the field. */
  nearError?: string;
  /** The search is centred on the browser's position ("use my location"), not a named place. */
  nearIsBrowser?: boolean;
};

/**
 * The search box and filters: a plain GET form to "/", so it works before (or without)
 * JavaScript. With JavaScript, empty fields are left out of the URL and navigation stays
 * client-side. The category is chosen with the chips and carried along here.
 */
export function SearchFilters({ search, nearError, nearIsBrowser = false }: SearchFiltersProps) {
  const router = useRouter();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [usingBrowserPosition, setUsingBrowserPosition] = useState(nearIsBrowser);
  const [locationMessage, setLocationMessage] = useState<string | null>(null);

  // The position is rounded to about a kilometre before it leaves this function, goes only into
  // this search's URL, and is never saved by Trova.
  function searchNearMe() {
    if (!("geolocation" in navigator)) {
      setLocationMessage("This browser can't share its location. Type your town instead.");
      return;
    }
    setLocationMessage("Finding you…");
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const { lat, lng } = coarsenCoordinates({ lat: coords.latitude, lng: coords.longitude });
        setLocationMessage(null);
        router.push(listingSearchHref(search, { near: `${lat},${lng}`, page: undefined }));
      },
      () => setLocationMessage("Your location isn't available (permission refused or no signal). Type your town instead."),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    const form = new FormData(event.currentTarget);
    for (const [name, value] of form) {
      // A radius says nothing without a place.
      if (name === "km" && !String(form.get("near") ?? "").trim()) continue;
      if (typeof value === "string" && value.trim()) params.append(name, value.trim());
    }
    const query = params.toString();
    router.push(query ? `/?${query}` : "/");
  }

  // "" means the default order: best match with a query, newest without one.
  const sortValue = search.sort === "relevance" || (search.sort === "newest" && !search.q) ? "" : (search.sort ?? "");
  const hasFilters = Boolean(search.q || search.category || search.condition || search.min !== undefined || search.max !== undefined || search.sort || search.near);
  // What the phone's "Filters" button counts: the folded fields that are set.
  const activeFilters = [search.min !== undefined, search.max !== undefined, Boolean(search.condition), Boolean(sortValue)].filter(Boolean).length;

  return (
    <form action="/" method="get" role="search" onSubmit={submit} className="flex flex-col gap-3" data-testid="search-form">
      {search.category && <input type="hidden" name="category" value={search.category} />}
      <div className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search listings
        </label>
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={search.q}
          placeholder="Search Trova"
          maxLength={200}
          enterKeyHint="search"
          className={inputClass}
        />
        <Button type="submit">Search</Button>
      </div>
      <div className="grid grid-cols-[1fr_auto] gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
        <div className="col-span-2 sm:col-span-1">
          <Field label="Near" errors={nearError ? [nearError] : undefined}>
            {(props) =>
              usingBrowserPosition && search.near ? (
                <div className="flex items-center gap-2">
                  <input type="hidden" name="near" value={search.near} />
                  <span {...props} className="py-2 text-sm text-stone-800" data-testid="near-browser">
                    Your location (to about 1 km)
                  </span>
                  <button type="button" onClick={() => setUsingBrowserPosition(false)} className="text-sm text-brand-700 underline">
                    Change
                  </button>
                </div>
              ) : (
                <PlaceInput fieldProps={props} name="near" defaultValue={nearIsBrowser ? "" : search.near} />
              )
            }
          </Field>
        </div>
        <Field label="Within">
          {(props) => (
            <select {...props} name="km" defaultValue={String(search.km ?? DEFAULT_RADIUS_KM)} className={inputClass}>
              {[...new Set([...RADIUS_CHOICES_KM, search.km ?? DEFAULT_RADIUS_KM])].sort((a, b) => a - b).map((km) => (
                <option key={km} value={km}>
                  {km} km
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex flex-col gap-1 sm:pt-6">
          <button type="button" onClick={searchNearMe} className="mt-6 rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-800 hover:bg-stone-100 sm:mt-0">
            Use my location
          </button>
        </div>
        {locationMessage && (
          <p className="col-span-2 text-sm text-stone-600 sm:col-span-3" role="status">
            {locationMessage}
          </p>
        )}
      </div>
      <button
        type="button"
        onClick={() => setFiltersOpen((open) => !open)}
        aria-expanded={filtersOpen}
        aria-controls="search-more-filters"
        className="self-start rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-800 sm:hidden"
      >
        Filters{activeFilters > 0 ? ` (${activeFilters})` : ""}
      </button>
      {/* On a phone the price, condition and sort fields fold behind the button above. */}
      <div id="search-more-filters" className={`${filtersOpen ? "grid" : "hidden"} grid-cols-2 gap-3 sm:grid sm:grid-cols-4`} data-testid="more-filters">
        <Field label="Min price (€)">
          {(props) => (
            <input {...props} type="number" name="min" min={0} step="any" inputMode="decimal" defaultValue={search.min} className={inputClass} />
          )}
        </Field>
        <Field label="Max price (€)">
          {(props) => (
            <input {...props} type="number" name="max" min={0} step="any" inputMode="decimal" defaultValue={search.max} className={inputClass} />
          )}
        </Field>
        <Field label="Condition">
          {(props) => (
            <select {...props} name="condition" defaultValue={search.condition ?? ""} className={inputClass}>
              <option value="">Any condition</option>
              {CONDITIONS.map((condition) => (
                <option key={condition} value={condition}>
                  {CONDITION_LABELS[condition]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Sort by">
          {(props) => (
            <select {...props} name="sort" defaultValue={sortValue} className={inputClass}>
              <option value="">{search.q ? SORT_LABELS.relevance : SORT_LABELS.newest}</option>
              {search.q && <option value="newest">{SORT_LABELS.newest}</option>}
              <option value="price_asc">{SORT_LABELS.price_asc}</option>
              <option value="price_desc">{SORT_LABELS.price_desc}</option>
              {search.near && <option value="distance">{SORT_LABELS.distance}</option>}
            </select>
          )}
        </Field>
      </div>
      {hasFilters && (
        <p className="text-sm">
          <Link href="/" className="text-brand-700 underline hover:text-brand-800">
            Clear search and filters
          </Link>
        </p>
      )}
    </form>
  );
}
