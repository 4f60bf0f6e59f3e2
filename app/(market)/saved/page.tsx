import type { Metadata } from "next";
import Link from "next/link";
import { SavedSearchRow } from "@/components/buyers/saved-search-row";
import { ListingCard } from "@/components/listings/listing-card";
import { requireUser } from "@/lib/auth/session";
import { listSavedListings } from "@/lib/db/queries/saved-listings";
import { listSavedSearches } from "@/lib/db/queries/saved-searches";
import { getRequestLocale } from "@/lib/listings/locale";
import { describeSavedSearch } from "@/lib/listings/saved-search-query";

export const metadata: Metadata = { title: "Saved", robots: { index: false } };

export default async function SavedPage() {
  const user = await requireUser("/saved");
  const [saved, searches, locale] = await Promise.all([listSavedListings(user.id), listSavedSearches(user.id), getRequestLocale()]);
  const now = new Date();
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="saved-listings" className="flex flex-col gap-3">
        <h1 id="saved-listings" className="text-2xl font-semibold">
          Saved listings
        </h1>
        {saved.length === 0 ? (
          <p className="text-stone-600">Nothing saved yet. Tap the heart on a listing to keep it here.</p>
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 lg:grid-cols-4" aria-label="Saved listings">
            {saved.map((item) => (
              <li key={item.id} className="flex flex-col gap-1" data-testid="saved-listing">
                {item.listing ? (
                  <>
                    <ListingCard listing={item.listing} locale={locale} now={now} save={{ saved: true, signedIn: true, returnTo: "/saved" }} />
                    {item.listing.status === "sold" && <p className="text-sm text-stone-600">Sold: no longer for sale.</p>}
                  </>
                ) : (
                  <div className="flex h-full flex-col justify-center rounded-xl border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-600">
                    <p className="font-medium text-stone-900">{item.savedTitle}</p>
                    <p>Removed by the seller: no longer on Trova.</p>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="saved-searches" className="flex flex-col gap-3">
        <h2 id="saved-searches" className="text-xl font-semibold">
          Saved searches
        </h2>
        {searches.length === 0 ? (
          <p className="text-stone-600">
            No saved searches. On any{" "}
            <Link href="/" className="font-medium text-brand-700 underline">
              results page
            </Link>
            , choose “Save this search” to hear about new matches.
          </p>
        ) : (
          <ul className="flex flex-col gap-2">
            {searches.map((search) => (
              <SavedSearchRow key={search.id} id={search.id} query={search.query} label={describeSavedSearch(search.query)} paused={search.paused} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
