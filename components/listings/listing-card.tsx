import Link from "next/link";
import type { ListingCard as ListingCardData } from "@/lib/db/queries/listings";
import { imageUrl } from "@/lib/images";
import { formatPrice, formatRelativeDate } from "@/lib/listings/format";
import { CONDITION_LABELS } from "@/lib/listings/options";
import { THUMB_SIZE } from "@/lib/images/normalise";
import { SaveButton } from "@/components/buyers/save-button";
import { formatDistance } from "@/lib/places/distance";
import { StatusBadge } from "./status-badge";

type ListingCardProps = {
  listing: ListingCardData;
  locale: string;
  now: Date;
  /** The search's place: the listing page then says how far the item is from it. */
  near?: string;
  /** The heart: whether the viewer saved it, and where sign-in returns to. */
  save?: { saved: boolean; signedIn: boolean; returnTo: string };
};

export function ListingCard({ listing, locale, now, near, save }: ListingCardProps) {
  const href = near ? `/listings/${listing.id}?near=${encodeURIComponent(near)}` : `/listings/${listing.id}`;
  return (
    <article
      className="relative flex w-full flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm transition hover:shadow-md has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-brand-600"
      data-testid="listing-card"
    >
      <div className="relative aspect-[4/3] bg-stone-100">
        {listing.imageKey ? (
          // Thumbnails are already small WebP files that browsers cache; a plain
          // lazy <img> with its size avoids layout shift without the image optimiser.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={imageUrl(listing.imageKey, "thumb")}
            alt=""
            width={THUMB_SIZE}
            height={(THUMB_SIZE * 3) / 4}
            loading="lazy"
            decoding="async"
            className="h-full w-full object-cover"
          />
        ) : (
          <div className="flex h-full items-center justify-center text-sm text-stone-400">No photo</div>
        )}
        <StatusBadge status={listing.status} className="absolute top-2 left-2 shadow" />
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h2 className="line-clamp-2 font-medium text-stone-900" dir="auto">
          {/* The link's ::after covers the card, so the whole card is one click target and one tab stop. */}
          {/* No prefetch: a page of 24 cards would otherwise ask the server for 24 listing pages. */}
          <Link href={href} prefetch={false} className="after:absolute after:inset-0 focus-visible:outline-none">
            {listing.title}
          </Link>
        </h2>
        <p className="text-lg font-semibold text-stone-900" data-testid="card-price">
          {formatPrice(listing.priceCents, locale)}
        </p>
        <p className="text-sm text-stone-600">
          {listing.category} · {CONDITION_LABELS[listing.condition]}
        </p>
        {(listing.placeName || listing.distanceKm != null) && (
          <p className="text-sm text-stone-600" data-testid="card-place">
            {listing.placeName}
            {listing.distanceKm != null && (
              <>
                {listing.placeName && " · "}
                <span data-testid="card-distance">{formatDistance(listing.distanceKm)}</span>
              </>
            )}
          </p>
        )}
        <p className="mt-auto text-xs text-stone-500">
          <time dateTime={listing.createdAt.toISOString()}>{formatRelativeDate(listing.createdAt, now)}</time>
        </p>
      </div>
      {/* Last in the card, so the title link comes first in tab order; placed over the photo. */}
      {save && <SaveButton listingId={listing.id} title={listing.title} {...save} />}
    </article>
  );
}
