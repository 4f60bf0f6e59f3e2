import Link from "next/link";
import { CATEGORIES, type Category } from "@/lib/listings/options";
import { listingSearchHref, type ListingSearch } from "@/lib/listings/search-params";

/** "All" plus one link per category; each keeps the other filters and starts again at page 1. */
export function CategoryChips({ search }: { search: ListingSearch }) {
  const chips: { label: string; category?: Category }[] = [
    { label: "All" },
    ...CATEGORIES.map((category) => ({ label: category, category })),
  ];
  return (
    <nav aria-label="Categories" className="-mx-4 overflow-x-auto px-4 py-1 sm:mx-0 sm:px-0">
      <ul className="flex gap-2 sm:flex-wrap">
        {chips.map(({ label, category }) => {
          const current = search.category === category;
          return (
            <li key={label} className="shrink-0">
              <Link
                href={listingSearchHref(search, { category, page: undefined })}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1.5 text-sm whitespace-nowrap ${
                  current
                    ? "border-brand-700 bg-brand-700 text-white"
                    : "border-stone-300 bg-white text-stone-800 hover:border-brand-600 hover:bg-brand-50"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
