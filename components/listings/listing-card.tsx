import escapeHtml from "escape-html";
import type { ListingCard as ListingCardData } from "@/lib/db/queries/listings";
import { imageUrl } from "@/lib/images";
import { THUMB_SIZE } from "@/lib/images/normalise";
import { heartGlyph, saveButtonLabel } from "@/lib/buyers/save-label";
import { signInHref, withPendingSave } from "@/lib/buyers/sign-in-reason";
import { formatPrice, formatRelativeDate } from "@/lib/listings/format";
import { CONDITION_LABELS } from "@/lib/listings/options";
import { formatDistance } from "@/lib/places/distance";
import { statusBadgeClassName, statusBadgeLabel } from "./status-badge";

// Cards are built as strings of HTML, not as React elements. A list page shows 24, and rendering
// ~17 elements each (server render, RSC payload, then HTML) was most of its cost: the home page
// served 0.41 of the floor page's req/s (BENCHMARKS.md). As HTML, a grid is one element, and its
// styles are class names defined once (globals.css, "A listing card's parts").
// Every value from a user or the database goes through escapeHtml. <CardActions> gives the
// cards' links client-side navigation and makes a signed-in viewer's heart work.

type CardOptions = {
  locale: string;
  now: Date;
  /** The search's place: the listing page then says how far the item is from it. */
  near?: string;
};

/** The heart: whether the viewer saved it, and where sign-in returns to. */
type Heart = { saved: boolean; signedIn: boolean; returnTo: string };

type ListingCardProps = CardOptions & { listing: ListingCardData; save?: Heart };

/** One card, where a page adds its own words beside it (saved listings). */
export function ListingCard({ listing, save, ...options }: ListingCardProps) {
  return <article className="card" data-testid="listing-card" dangerouslySetInnerHTML={{ __html: cardInsideHtml(listing, options, save) }} />;
}

type ListingGridProps = CardOptions & {
  listings: ListingCardData[];
  label: string;
  /** Hearts on the cards: which the viewer saved, whether they are signed in, where sign-in returns to. */
  save?: { savedIds: ReadonlySet<string>; signedIn: boolean; returnTo: string };
};

/** A page of cards, as one element. */
export function ListingGrid({ listings, label, save, ...options }: ListingGridProps) {
  const html = listings
    .map((listing) => {
      const heart = save && { saved: save.savedIds.has(listing.id), signedIn: save.signedIn, returnTo: save.returnTo };
      return `<li class="flex"><article class="card" data-testid="listing-card">${cardInsideHtml(listing, options, heart)}</article></li>`;
    })
    .join("");
  return <ul className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 lg:grid-cols-4" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}

function cardInsideHtml(listing: ListingCardData, { locale, now, near }: CardOptions, heart: Heart | undefined): string {
  const href = near ? `/listings/${listing.id}?near=${encodeURIComponent(near)}` : `/listings/${listing.id}`;
  // Thumbnails are already small WebP files that browsers cache; a plain lazy <img> with its
  // size avoids layout shift without the image optimiser.
  const photo = listing.imageKey
    ? `<img src="${escapeHtml(imageUrl(listing.imageKey, "thumb"))}" alt="" width="${THUMB_SIZE}" height="${(THUMB_SIZE * 3) / 4}" loading="lazy" decoding="async">`
    : `<div class="card-no-photo">No photo</div>`;
  const status = statusBadgeLabel(listing.status, false);
  const badge = status ? `<span class="${statusBadgeClassName(listing.status, "absolute top-2 left-2 shadow")}" data-testid="status-${listing.status}">${escapeHtml(status)}</span>` : "";
  const distance = listing.distanceKm != null ? `<span data-testid="card-distance">${escapeHtml(formatDistance(listing.distanceKm))}</span>` : "";
  const place =
    listing.placeName || distance
      ? `<p class="card-meta" data-testid="card-place">${escapeHtml(listing.placeName ?? "")}${listing.placeName && distance ? " · " : ""}${distance}</p>`
      : "";
  return (
    `<div class="card-photo">${photo}${badge}</div>` +
    `<div class="card-body">` +
    `<h2 class="card-title" dir="auto"><a href="${escapeHtml(href)}" data-card-link>${escapeHtml(listing.title)}</a></h2>` +
    `<p class="card-price" data-testid="card-price">${escapeHtml(formatPrice(listing.priceCents, locale))}</p>` +
    `<p class="card-meta">${escapeHtml(listing.category)} · ${escapeHtml(CONDITION_LABELS[listing.condition])}</p>` +
    place +
    `<p class="card-date"><time datetime="${listing.createdAt.toISOString()}">${escapeHtml(formatRelativeDate(listing.createdAt, now))}</time></p>` +
    `</div>` +
    // Last in the card, so the title link comes first in tab order; placed over the photo.
    (heart ? heartHtml(listing, heart) : "")
  );
}

function heartHtml(listing: ListingCardData, { saved, signedIn, returnTo }: Heart): string {
  const label = escapeHtml(saveButtonLabel(listing.title, saved));
  const glyph = `<span aria-hidden="true">${heartGlyph(saved)}</span>`;
  // Signed out, the heart leads to sign-in and back here, where the save completes (PendingSave).
  if (!signedIn) {
    const href = signInHref(withPendingSave(returnTo, listing.id), "save", listing.id);
    return `<a href="${escapeHtml(href)}" data-card-link aria-label="${label}" class="card-heart" data-testid="save-button">${glyph}</a>`;
  }
  return `<button type="button" data-save-listing="${escapeHtml(listing.id)}" data-title="${escapeHtml(listing.title)}" aria-pressed="${saved}" aria-label="${label}" class="card-heart" data-testid="save-button">${glyph}</button>`;
}
