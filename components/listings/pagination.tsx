import Link from "next/link";
import { pageItems } from "@/lib/listings/pagination";
import { listingSearchHref, type ListingSearch } from "@/lib/listings/search-params";

type PaginationProps = { search: ListingSearch; page: number; pageCount: number };

const itemClass = "inline-flex min-w-10 items-center justify-center rounded-lg border px-3 py-2 text-sm";
const linkClass = `${itemClass} border-stone-300 bg-white hover:border-brand-600 hover:bg-brand-50`;
const inactiveClass = `${itemClass} border-stone-200 text-stone-400`;

/** Previous / Next and page numbers; phones get only Previous / Next (the numbers would wrap). */
export function Pagination({ search, page, pageCount }: PaginationProps) {
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => listingSearchHref(search, { page: target });
  return (
    <nav aria-label="Pagination" className="mt-8 flex flex-col items-center gap-3">
      <p className="text-sm text-stone-600" data-testid="page-status">
        Page {Math.min(page, pageCount)} of {pageCount}
      </p>
      <ul className="flex flex-wrap items-center justify-center gap-1.5">
        <li>
          {page > 1 ? (
            <Link href={hrefFor(Math.min(page - 1, pageCount))} rel="prev" className={linkClass}>
              Previous
            </Link>
          ) : (
            <span className={inactiveClass} aria-disabled="true">
              Previous
            </span>
          )}
        </li>
        {pageItems(page, pageCount).map((item, index) =>
          item === "gap" ? (
            <li key={`gap-${index}`} aria-hidden="true" className="hidden px-1 text-stone-500 sm:block">
              …
            </li>
          ) : (
            <li key={item} className="hidden sm:block">
              {item === page ? (
                <span aria-current="page" className={`${itemClass} border-brand-700 bg-brand-700 font-semibold text-white`}>
                  <span className="sr-only">Page </span>
                  {item}
                </span>
              ) : (
                <Link href={hrefFor(item)} className={linkClass}>
                  <span className="sr-only">Page </span>
                  {item}
                </Link>
              )}
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link href={hrefFor(page + 1)} rel="next" className={linkClass}>
              Next
            </Link>
          ) : (
            <span className={inactiveClass} aria-disabled="true">
              Next
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
