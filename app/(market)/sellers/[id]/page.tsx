import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ListingGrid } from "@/components/listings/listing-card";
import { getSellerProfile } from "@/lib/db/queries/sellers";
import { formatDuration } from "@/lib/listings/format-duration";
import { getRequestLocale } from "@/lib/listings/locale";

const getProfile = cache(getSellerProfile);

export async function generateMetadata({ params }: PageProps<"/sellers/[id]">): Promise<Metadata> {
  const profile = await getProfile((await params).id);
  if (!profile) notFound();
  return { title: `${profile.name} on Trova` };
}

const memberSince = new Intl.DateTimeFormat("en-IE", { month: "long", year: "numeric" });

export default async function SellerPage({ params }: PageProps<"/sellers/[id]">) {
  const [profile, locale] = await Promise.all([getProfile((await params).id), getRequestLocale()]);
  if (!profile) notFound();
  const now = new Date();
  const average = profile.reviews.length > 0 ? profile.reviews.reduce((sum, review) => sum + review.rating, 0) / profile.reviews.length : null;
  const { medianSeconds, answered } = profile.replyTimes;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold" dir="auto">
          {profile.name}
        </h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="seller-stats">
          <dt className="text-stone-500">Member since</dt>
          <dd>{memberSince.format(profile.createdAt)}</dd>
          {profile.place && (
            <>
              <dt className="text-stone-500">Place</dt>
              <dd data-testid="seller-place">{profile.place}</dd>
            </>
          )}
          <dt className="text-stone-500">For sale</dt>
          <dd data-testid="active-count">{profile.forSale.length}</dd>
          <dt className="text-stone-500">Sold</dt>
          <dd data-testid="sold-count">{profile.soldCount}</dd>
          <dt className="text-stone-500">Replies</dt>
          <dd data-testid="reply-time">
            {medianSeconds === null ? "No replies to first messages yet" : `Usually within ${formatDuration(medianSeconds)} (median of ${answered} ${answered === 1 ? "conversation" : "conversations"})`}
          </dd>
          <dt className="text-stone-500">Reviews</dt>
          <dd>{average === null ? "None yet" : `${average.toFixed(1)} of 5 stars from ${profile.reviews.length} ${profile.reviews.length === 1 ? "review" : "reviews"}`}</dd>
        </dl>
      </div>

      <section aria-labelledby="seller-listings" className="flex flex-col gap-3">
        <h2 id="seller-listings" className="text-lg font-semibold">
          For sale
        </h2>
        {profile.forSale.length === 0 ? (
          <p className="text-stone-600">Nothing for sale right now.</p>
        ) : (
          <ListingGrid listings={profile.forSale} label="Listings" locale={locale} now={now} />
        )}
      </section>

      <section aria-labelledby="seller-reviews" className="flex flex-col gap-3">
        <h2 id="seller-reviews" className="text-lg font-semibold">
          Reviews
        </h2>
        {profile.reviews.length === 0 ? (
          <p className="text-stone-600">No reviews yet. Only a buyer the seller sold to can leave one.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {profile.reviews.map((review) => (
              <li key={review.id} className="rounded-xl border border-stone-200 bg-white p-3" data-testid="review">
                <p className="font-medium">
                  <span aria-label={`${review.rating} of 5 stars`}>{"★".repeat(review.rating) + "☆".repeat(5 - review.rating)}</span> · {review.listingTitle}
                </p>
                {review.body && (
                  <p className="break-words whitespace-pre-line text-stone-800" dir="auto">
                    {review.body}
                  </p>
                )}
                <p className="text-xs text-stone-500">
                  {review.buyerName}, <time dateTime={review.createdAt.toISOString()}>{formatDurationAgo(review.createdAt, now)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function formatDurationAgo(date: Date, now: Date) {
  return memberSince.format(date) === memberSince.format(now) ? "this month" : memberSince.format(date);
}
