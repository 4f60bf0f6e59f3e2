import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { OfferForm } from "@/components/buyers/offer-form";
import { ReviewForm } from "@/components/buyers/review-form";
import { SaveButton } from "@/components/buyers/save-button";
import { PhotoGallery } from "@/components/listings/photo-gallery";
import { DistanceHint } from "@/components/places/distance-hint";
import { StatusBadge } from "@/components/listings/status-badge";
import { OwnReportStatus } from "@/components/safety/own-report-status";
import { ReportForm } from "@/components/safety/report-form";
import { getCurrentUser } from "@/lib/auth/session";
import { signInHref } from "@/lib/buyers/sign-in-reason";
import { getCataloguedListing } from "@/lib/catalogue/cached-reads";
import { getOwnLatestReport } from "@/lib/db/queries/safety";
import { countSaves, getSavedListingIds } from "@/lib/db/queries/saved-listings";
import { getReviewEligibility } from "@/lib/db/queries/sellers";
import { env } from "@/lib/env";
import { imageUrl } from "@/lib/images";
import { formatPrice, formatRelativeDate } from "@/lib/listings/format";
import { getRequestLocale } from "@/lib/listings/locale";
import { CONDITION_LABELS } from "@/lib/listings/options";
import { listingSearchHref, parseListingSearch } from "@/lib/listings/search-params";
import { resolveNear } from "@/lib/places/gazetteer";
import { leaveReview, makeOffer } from "./actions";

// generateMetadata and the page both need the listing: one read per request, from the shared cache.
const getListing = cache(getCataloguedListing);

const DESCRIPTION_LENGTH = 160;

export async function generateMetadata({ params }: PageProps<"/listings/[id]">): Promise<Metadata> {
  const listing = await getListing((await params).id);
  if (!listing) notFound();
  if (listing.unavailable) return { title: "Listing unavailable", robots: { index: false } };
  const description = summarise(listing.description) || `${listing.title}: ${listing.category}, ${CONDITION_LABELS[listing.condition]}.`;
  const cover = listing.photos[0];
  const images = cover
    ? [{ url: new URL(imageUrl(cover.storageKey, "full"), env.APP_URL).toString(), width: cover.width, height: cover.height, alt: listing.title }]
    : undefined;
  return {
    title: listing.title,
    description,
    alternates: { canonical: `/listings/${listing.id}` },
    openGraph: { type: "website", siteName: "Trova", title: listing.title, description, url: `/listings/${listing.id}`, images },
    twitter: { card: images ? "summary_large_image" : "summary", title: listing.title, description, images },
  };
}

/** The first ~160 characters on one line, cut at a word boundary. */
function summarise(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= DESCRIPTION_LENGTH) return flat;
  const cut = flat.slice(0, DESCRIPTION_LENGTH - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 80 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

const listedOn = new Intl.DateTimeFormat("en-IE", { dateStyle: "long" });

export default async function ListingPage({ params, searchParams }: PageProps<"/listings/[id]">) {
  const { id } = await params;
  const { near } = parseListingSearch(await searchParams);
  const [listing, viewer, locale] = await Promise.all([getListing(id), getCurrentUser(), getRequestLocale()]);
  if (!listing) notFound();
  const isSeller = viewer?.id === listing.sellerId;
  // Hidden by a moderator or its seller suspended: gone for everyone but its seller, who is told why.
  if (listing.unavailable && !isSeller) return <UnavailableListing />;
  const ownReport = viewer && !isSeller ? await getOwnLatestReport(viewer.id, "listing", listing.id) : null;
  const path = `/listings/${listing.id}`;
  const [saved, saveCount, review] = await Promise.all([
    viewer && !isSeller ? getSavedListingIds(viewer.id, [listing.id]).then((ids) => ids.has(listing.id)) : false,
    isSeller ? countSaves(listing.id) : 0,
    viewer && listing.soldToId === viewer.id ? getReviewEligibility(viewer.id, listing.id) : null,
  ]);
  const photos = listing.photos.map((photo) => ({
    src: imageUrl(photo.storageKey, "full"),
    thumbSrc: imageUrl(photo.storageKey, "thumb"),
    width: photo.width,
    height: photo.height,
  }));

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-600">
        <ol className="flex flex-wrap gap-1.5">
          <li>
            <Link href="/" className="hover:underline">
              All listings
            </Link>
            <span aria-hidden="true"> ›</span>
          </li>
          <li>
            <Link href={listingSearchHref({}, { category: listing.category })} className="hover:underline">
              {listing.category}
            </Link>
          </li>
        </ol>
      </nav>
      {isSeller && listing.unavailable && (
        <div role="status" data-testid="listing-hidden-notice" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">
          <p className="font-medium">Only you can see this listing: it is not shown on Trova.</p>
          <p>{listing.hiddenAt ? `A moderator hid it. Reason: ${listing.hiddenReason ?? "it breaks Trova's rules."}` : "Your account is suspended, so your listings are hidden."}</p>
        </div>
      )}
      <div className="grid gap-8 md:grid-cols-[3fr_2fr]">
        <PhotoGallery photos={photos} title={listing.title} />
        <div className="flex flex-col gap-5">
          <div className="flex flex-col gap-2">
            <StatusBadge status={listing.status} className="self-start" />
            {/* dir="auto": a title or description in Arabic or Hebrew reads right to left. */}
            <h1 className="text-2xl font-semibold tracking-tight break-words" dir="auto">
              {listing.title}
            </h1>
            <p className="text-3xl font-bold" data-testid="listing-price">
              {formatPrice(listing.priceCents, locale)}
            </p>
          </div>

          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-500">Condition</dt>
            <dd>{CONDITION_LABELS[listing.condition]}</dd>
            <dt className="text-stone-500">Category</dt>
            <dd>{listing.category}</dd>
            <dt className="text-stone-500">Listed</dt>
            <dd>
              <time dateTime={listing.createdAt.toISOString()}>
                {listedOn.format(listing.createdAt)} ({formatRelativeDate(listing.createdAt)})
              </time>
            </dd>
            {listing.placeName && (
              <>
                <dt className="text-stone-500">Where</dt>
                <dd data-testid="listing-place">{listing.placeName}</dd>
              </>
            )}
            <dt className="text-stone-500">Seller</dt>
            <dd data-testid="seller-name">
              <Link href={`/sellers/${listing.sellerId}`} className="font-medium text-brand-700 underline">
                {listing.sellerName}
              </Link>
            </dd>
          </dl>

          <DistanceHint
            listingId={listing.id}
            place={listing.placeName && listing.placeLat !== null && listing.placeLng !== null ? { name: listing.placeName, lat: listing.placeLat, lng: listing.placeLng } : null}
            origin={near ? resolveNear(near) : null}
            near={near}
          />

          {listing.status === "reserved" && viewer && listing.reservedForId === viewer.id && (
            <p className="rounded-lg bg-amber-50 px-3 py-2 text-amber-950" data-testid="reserved-for-you">
              Reserved for you: the seller accepted your offer.
            </p>
          )}
          <div className="flex flex-wrap items-start gap-3">
            {isSeller ? (
              <>
                <Link href={`/listings/${listing.id}/edit`} className={primaryAction}>
                  Edit listing
                </Link>
                <Link href="/my-listings" className={secondaryAction}>
                  My listings
                </Link>
                <p className="w-full text-sm text-stone-600" data-testid="save-count">
                  {saveCount === 1 ? "1 person saved this" : `${saveCount} people saved this`}
                </p>
              </>
            ) : listing.status === "sold" ? (
              <p className="text-stone-600">This item has been sold.</p>
            ) : (
              <>
                <Link
                  href={viewer ? `/messages/new?listing=${listing.id}` : signInHref(`/messages/new?listing=${listing.id}`, "message", listing.id)}
                  className={primaryAction}
                >
                  Contact seller
                </Link>
                <SaveButton listingId={listing.id} title={listing.title} saved={saved} signedIn={Boolean(viewer)} returnTo={path} />
              </>
            )}
          </div>

          {!isSeller && listing.status === "active" && (
            <section id="offer" aria-labelledby="offer-heading" className="flex flex-col gap-2 rounded-xl border border-stone-200 bg-white p-4">
              <h2 id="offer-heading" className="font-semibold">
                Make an offer
              </h2>
              {viewer ? (
                <OfferForm action={makeOffer} hidden={{ listingId: listing.id }} label="Your offer" submitLabel="Send offer" />
              ) : (
                <Link href={signInHref(`${path}#offer`, "offer", listing.id)} className="font-medium text-brand-700 underline">
                  Sign in to make an offer
                </Link>
              )}
            </section>
          )}

          {review && !review.ok && review.reason === "already-reviewed" && (
            <p id="review" className="rounded-lg bg-brand-50 px-3 py-2 text-brand-900" data-testid="reviewed">
              Your review is on{" "}
              <Link href={`/sellers/${listing.sellerId}`} className="font-medium underline">
                {listing.sellerName}&apos;s profile
              </Link>
              . Thanks!
            </p>
          )}
          {review?.ok && (
            <section id="review" aria-labelledby="review-heading" className="flex flex-col gap-2 rounded-xl border border-stone-200 bg-white p-4">
              <h2 id="review-heading" className="font-semibold">
                Review {listing.sellerName}
              </h2>
              <ReviewForm listingId={listing.id} action={leaveReview} />
            </section>
          )}

          <section aria-labelledby="description-heading" className="flex flex-col gap-2">
            <h2 id="description-heading" className="text-lg font-semibold">
              Description
            </h2>
            {listing.description ? (
              <p className="break-words whitespace-pre-line text-stone-800" data-testid="listing-description" dir="auto">
                {listing.description}
              </p>
            ) : (
              <p className="text-stone-500">The seller has not written a description.</p>
            )}
          </section>
          {!isSeller && (
            <section aria-label="Report" className="flex flex-col gap-2">
              {ownReport && <OwnReportStatus report={ownReport} />}
              {viewer ? (
                (!ownReport || ownReport.status === "resolved") && <ReportForm kind="listing" targetId={listing.id} label="Report this listing" />
              ) : (
                <Link href={`/sign-in?next=${encodeURIComponent(`/listings/${listing.id}`)}`} className="text-sm text-stone-600 underline">
                  Sign in to report this listing
                </Link>
              )}
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

function UnavailableListing() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 py-16 text-center" data-testid="listing-unavailable">
      <h1 className="text-2xl font-semibold">This listing is unavailable</h1>
      <p className="text-stone-600">It has been removed from Trova. Other listings like it may still be for sale.</p>
      <Link href="/" className={primaryAction}>
        Browse listings
      </Link>
    </div>
  );
}

const primaryAction = "inline-flex items-center justify-center rounded-lg bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700";
const secondaryAction =
  "inline-flex items-center justify-center rounded-lg border border-stone-300 bg-white px-5 py-2.5 font-medium text-stone-800 hover:bg-stone-100";
