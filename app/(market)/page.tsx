import type { Metadata } from "next";
import Link from "next/link";
import { CategoryChips } from "@/components/listings/category-chips";
import { ListingGrid } from "@/components/listings/listing-card";
import { Pagination } from "@/components/listings/pagination";
import { SearchFilters } from "@/components/listings/search-filters";
import { SaveSearchButton } from "@/components/buyers/save-search-button";
import { getCurrentUser } from "@/lib/auth/session";
import { searchCatalogue } from "@/lib/catalogue/cached-reads";
import { getSavedListingIds } from "@/lib/db/queries/saved-listings";
import { findSavedSearchId } from "@/lib/db/queries/saved-searches";
import { normaliseSearchQuery } from "@/lib/listings/saved-search-query";
import { getRequestLocale } from "@/lib/listings/locale";
import { listingSearchHref, parseListingSearch, searchRadiusKm, type ListingSearch } from "@/lib/listings/search-params";
import { resolveNear } from "@/lib/places/gazetteer";

export async function generateMetadata({ searchParams }: PageProps<"/">): Promise<Metadata> {
  const search = parseListingSearch(await searchParams);
  if (search.q) return { title: `“${search.q}”: search results`, robots: { index: false, follow: true } };
  // A place (or a browser's position) in the URL makes endless variants of one page.
  if (search.near) return { title: "Listings near you", robots: { index: false, follow: true } };
  if (search.category) return { title: `${search.category} for sale` };
  return {};
}

export default async function HomePage({ searchParams }: PageProps<"/">) {
  const params = await searchParams;
  const search = parseListingSearch(params);
  // An unknown place is said beside the field; the rest of the search still runs.
  const origin = search.near ? resolveNear(search.near) : null;
  const nearError = search.near && !origin ? `Trova doesn't know “${search.near}”. Pick a town from the list, or use your location.` : undefined;
  const km = searchRadiusKm(search);
  const [result, locale, viewer] = await Promise.all([searchCatalogue(search, origin ? { ...origin, km } : undefined), getRequestLocale(), getCurrentUser()]);
  const now = new Date();
  const query = normaliseSearchQuery(params) ?? "";
  const returnTo = query ? `/?${query}` : "/";
  const [savedIds, searchSaved] = viewer
    ? await Promise.all([getSavedListingIds(viewer.id, result.items.map((item) => item.id)), findSavedSearchId(viewer.id, query)])
    : [new Set<string>(), null];

  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold tracking-tight">{heading(search)}</h1>
      {/* Remounted when the URL changes, so Back shows the fields of the search it returns to. */}
      <SearchFilters key={listingSearchHref(search)} search={search} nearError={nearError} nearIsBrowser={origin?.fromBrowser} />
      <CategoryChips search={search} />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600" data-testid="result-count">
          {resultCount(result.total, result.totalIsLimit, search.q)}
          {origin && ` within ${km} km of ${origin.label}`}
        </p>
        <SaveSearchButton key={query} query={query} saved={Boolean(searchSaved)} signedIn={Boolean(viewer)} returnTo={returnTo} />
      </div>
      {result.correctedQuery && (
        <p className="text-sm text-stone-700" data-testid="corrected-query">
          No listings match “{search.q}” as typed. Showing results for <strong>“{result.correctedQuery}”</strong>.
        </p>
      )}

      {result.items.length > 0 ? (
        <ListingGrid
          listings={result.items}
          label="Listings"
          locale={locale}
          now={now}
          near={origin ? search.near : undefined}
          save={{ savedIds, signedIn: Boolean(viewer), returnTo }}
        />
      ) : (
        <EmptyState search={search} total={result.total} pageCount={result.pageCount} />
      )}

      <Pagination search={search} page={result.page} pageCount={result.pageCount} />
    </div>
  );
}

function heading(search: ListingSearch): string {
  if (search.q) return `Results for “${search.q}”`;
  if (search.category) return search.category;
  return "Latest listings";
}

function resultCount(total: number, more: boolean, query: string | undefined): string {
  const noun = total === 1 ? "listing" : "listings";
  const count = `${total.toLocaleString("en-IE")}${more ? "+" : ""} ${noun}`;
  return query ? `${count} found` : `${count} for sale`;
}

function EmptyState({ search, total, pageCount }: { search: ListingSearch; total: number; pageCount: number }) {
  const filtered = Boolean(search.q || search.category || search.condition || search.min !== undefined || search.max !== undefined || search.near);
  let title = "Nothing for sale yet";
  let body: React.ReactNode = (
    <>
      Be the first: <Link href="/sell" className="font-medium text-brand-700 underline">sell something</Link>.
    </>
  );
  if (total > 0) {
    title = `There is no page ${search.page} here`;
    body = (
      <Link href={listingSearchHref(search, { page: pageCount })} className="font-medium text-brand-700 underline">
        Go to the last page ({pageCount})
      </Link>
    );
  } else if (filtered) {
    title = search.q ? `No listings match “${search.q}”` : "No listings match these filters";
    body = (
      <>
        Try other words, a wider distance or price range or another category, or{" "}
        <Link href="/" className="font-medium text-brand-700 underline">
          see everything for sale
        </Link>
        .
      </>
    );
  }
  return (
    <div className="rounded-xl border border-dashed border-stone-300 bg-white px-6 py-12 text-center" data-testid="empty-state">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-2 text-stone-600">{body}</p>
    </div>
  );
}
