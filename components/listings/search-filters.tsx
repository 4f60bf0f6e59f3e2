"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { CONDITION_LABELS, CONDITIONS, SORT_LABELS } from "@/lib/listings/options";
import type { ListingSearch } from "@/lib/listings/search-params";

/**
 * The search box and filters: a plain GET form to "/", so it works before (or without)
 * JavaScript. With JavaScript, empty fields are left out of the URL and navigation stays
 * client-side. The category is chosen with the chips and carried along here.
 */
export function SearchFilters({ search }: { search: ListingSearch }) {
  const router = useRouter();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim()) params.append(name, value.trim());
    }
    const query = params.toString();
    router.push(query ? `/?${query}` : "/");
  }

  // "" means the default order: best match with a query, newest without one.
  const sortValue = search.sort === "relevance" || (search.sort === "newest" && !search.q) ? "" : (search.sort ?? "");
  const hasFilters = Boolean(search.q || search.category || search.condition || search.min !== undefined || search.max !== undefined || search.sort);

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
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
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
