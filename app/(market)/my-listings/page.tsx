import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { StatusBadge } from "@/components/listings/status-badge";
import { MyListingActions } from "@/components/listings/my-listing-actions";
import { OwnReports } from "@/components/safety/own-reports";
import { requireUser } from "@/lib/auth/session";
import { getActiveSuspension, getReportsByReporter } from "@/lib/db/queries/safety";
import { getSellerListings } from "@/lib/db/queries/seller-listings";
import { suspendedMessage } from "@/lib/safety/suspension";
import { getBuyersByListing } from "@/lib/db/queries/sellers";
import { imageUrl } from "@/lib/images";
import { formatPrice } from "@/lib/listings/format";

export const metadata: Metadata = { title: "My listings", robots: { index: false } };

export default async function MyListingsPage() {
  const user = await requireUser("/my-listings");
  const [listings, reports, suspension, buyersByListing] = await Promise.all([
    getSellerListings(user.id),
    getReportsByReporter(user.id),
    getActiveSuspension(user.id),
    getBuyersByListing(user.id),
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">My listings</h1>
        {listings.length > 0 && (
          <Link href="/sell" className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Sell something else
          </Link>
        )}
      </div>
      {suspension && (
        <p role="status" data-testid="suspension-notice" className="mb-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-900">
          {suspendedMessage(suspension, "publish listings or send messages")} Your listings are hidden while it lasts.
        </p>
      )}
      {listings.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 bg-white p-8 text-center" data-testid="my-listings-empty">
          <p className="mb-4 text-stone-700">You haven&apos;t listed anything yet.</p>
          <Link href="/sell" className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Sell your first item
          </Link>
        </div>
      ) : (
        <ul className="flex flex-col gap-3">
          {listings.map((listing) => (
            <li
              key={listing.id}
              data-testid="my-listing-row"
              data-listing-id={listing.id}
              className="flex gap-3 rounded-xl border border-stone-200 bg-white p-3"
            >
              <Link href={`/listings/${listing.id}`} tabIndex={-1} aria-hidden="true" className="relative size-20 shrink-0 overflow-hidden rounded-lg bg-stone-100 sm:size-24">
                {listing.imageKey && (
                  <Image src={imageUrl(listing.imageKey, "thumb")} alt="" fill unoptimized sizes="96px" className="object-cover" />
                )}
              </Link>
              <div className="flex min-w-0 flex-1 flex-col gap-2">
                <div>
                  <h2 className="truncate font-medium">
                    <Link href={`/listings/${listing.id}`} className="hover:underline">
                      {listing.title}
                    </Link>
                  </h2>
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600">
                    <span className="font-semibold text-stone-900">{formatPrice(listing.priceCents)}</span>
                    <StatusBadge status={listing.status} showActive />
                    <span data-testid="conversation-count">
                      {listing.conversationCount === 1 ? "1 conversation" : `${listing.conversationCount} conversations`}
                    </span>
                    <span data-testid="save-count">{listing.saveCount === 1 ? "1 save" : `${listing.saveCount} saves`}</span>
                  </p>
                  {listing.hiddenAt && (
                    <p data-testid="hidden-reason" className="mt-1 rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-950">
                      Hidden by a moderator: not shown on Trova. Reason: {listing.hiddenReason}
                    </p>
                  )}
                </div>
                <MyListingActions
                  listingId={listing.id}
                  title={listing.title}
                  status={listing.status}
                  buyers={buyersByListing.get(listing.id)}
                  reservedForId={listing.reservedForId}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {reports.length > 0 && <OwnReports reports={reports} />}
    </div>
  );
}
