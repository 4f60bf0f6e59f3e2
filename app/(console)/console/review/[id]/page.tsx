import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimItemButton } from "@/components/console/claim-item-button";
import { PromoteLabelForm } from "@/components/console/promote-label-form";
import { ReviewLabelForm, type LabelSource, type LabelValues } from "@/components/console/review-label-form";
import { listingSuggestionSchema } from "@/lib/ai/output-schema";
import { suggestKeywords, VERDICT_FIELD_LABELS, VERDICT_FIELDS, VERDICT_LABELS, type Verdicts } from "@/lib/annotation/label-schema";
import { leaseEnd, REVIEW_LEASE_MS } from "@/lib/annotation/queue";
import { requireAdminPage } from "@/lib/auth/admin";
import { listDatasets } from "@/lib/db/queries/eval-datasets";
import { isUuid } from "@/lib/db/uuid";
import { getQueueCounts, getReviewerProgress, getReviewItemDetails } from "@/lib/db/queries/review-reports";
import { imageUrl } from "@/lib/images";
import { centsToPriceInput } from "@/lib/listings/listing-schema";
import { formatPrice } from "@/lib/listings/format";
import { CONDITION_LABELS } from "@/lib/listings/options";

export const metadata: Metadata = { title: "Review" };

const dateTime = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short" });
const time = new Intl.DateTimeFormat("en-IE", { timeStyle: "short" });

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-stone-500">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default async function ReviewItemPage({ params }: PageProps<"/console/review/[id]">) {
  const { id } = await params;
  const admin = await requireAdminPage(`/console/review/${id}`);
  if (!isUuid(id)) notFound();
  const now = new Date();
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const [details, counts, progress, datasets] = await Promise.all([
    getReviewItemDetails(id),
    getQueueCounts(admin.id, { now, leaseMs: REVIEW_LEASE_MS }),
    getReviewerProgress(today),
    listDatasets(),
  ]);
  if (!details) notFound();
  const { item, call, listing, photos, labels } = details;
  const parsed = listingSuggestionSchema.safeParse(call.output);
  const suggestion = call.status === "ok" && parsed.success ? parsed.data : null;
  const mine = labels.find(({ label }) => label.reviewerId === admin.id)?.label;
  const holding = item.claimedBy === admin.id;
  const complete = item.labelCount >= item.labelsWanted;
  // Others' labels stay hidden until you have given yours, so they cannot sway it.
  const showLabels = Boolean(mine) || complete;
  const you = progress.find((reviewer) => reviewer.reviewerId === admin.id);

  const suggestedSource: LabelSource | null = suggestion ? { category: suggestion.category, title: suggestion.title, priceEur: suggestion.priceEur } : null;
  const publishedSource: LabelSource | null = listing ? { category: listing.category, title: listing.title, priceEur: listing.priceCents / 100 } : null;
  const initial: LabelValues | null = mine
    ? {
        category: mine.category ?? "",
        title: mine.title,
        priceMin: mine.priceMinCents === null ? "" : centsToPriceInput(mine.priceMinCents),
        priceMax: mine.priceMaxCents === null ? "" : centsToPriceInput(mine.priceMaxCents),
        comment: mine.comment,
        verdicts: mine.verdicts as Verdicts,
      }
    : null;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/console/review" className="text-sm underline">
          ← Review queue
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">Review: {item.reason}</h1>
        <p className="text-sm text-stone-600">
          Call of {dateTime.format(call.createdAt)} · <span className="font-mono">{call.modelId}</span> · {call.promptId}@{call.promptVersion} · seller{" "}
          {details.sellerName ?? "deleted account"} · labels {item.labelCount}/{item.labelsWanted}
          {photos.length > 0 && (
            <>
              {" · "}
              <Link href={`/console/playground?call=${call.id}`} className="underline">
                Open in playground
              </Link>
            </>
          )}
        </p>
        <p className="text-sm text-stone-600" data-testid="review-progress">
          You: {you?.recent ?? 0} labelled today, {you?.labels ?? 0} in all · {counts.openForYou} more open for you
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <section aria-label="Photos" className="flex flex-col gap-3">
          {photos.length === 0 ? (
            <p className="rounded-xl bg-white p-4 text-sm text-stone-600 shadow-sm">The photos of this call are no longer stored (the seller removed them).</p>
          ) : (
            photos.map((photo, index) => (
              // eslint-disable-next-line @next/next/no-img-element -- stored WebP, already resized
              <img
                key={photo.id}
                src={imageUrl(photo.storageKey)}
                alt={`Photo ${index + 1} the seller uploaded`}
                width={photo.width}
                height={photo.height}
                className="w-full rounded-xl bg-white object-contain shadow-sm"
              />
            ))
          )}
        </section>

        <div className="flex flex-col gap-4">
          <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="suggestion-heading" data-testid="review-suggestion">
            <h2 id="suggestion-heading" className="mb-2 font-semibold">
              What the AI suggested
            </h2>
            {suggestion ? (
              <dl className="grid grid-cols-2 gap-2 text-sm">
                <Fact label={`Title (${suggestion.confidence.title})`}>{suggestion.title}</Fact>
                <Fact label={`Category (${suggestion.confidence.category})`}>{suggestion.category}</Fact>
                <Fact label={`Condition (${suggestion.confidence.condition})`}>{suggestion.condition ? CONDITION_LABELS[suggestion.condition] : "–"}</Fact>
                <Fact label={`Price (${suggestion.confidence.price})`}>{suggestion.priceEur === null ? "–" : `€${suggestion.priceEur}`}</Fact>
                <div className="col-span-2">
                  <Fact label="Description">{suggestion.description}</Fact>
                </div>
              </dl>
            ) : (
              <div className="text-sm">
                <p>
                  No usable answer: <strong>{call.status}</strong>
                  {call.errorClass && ` (${call.errorClass})`}
                </p>
                {call.errorMessage && <p className="mt-1 font-mono text-xs text-stone-600">{call.errorMessage}</p>}
                {call.rawOutput && <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-stone-50 p-2 text-xs">{call.rawOutput}</pre>}
              </div>
            )}
            {call.feedbackRating !== null && (
              <p className="mt-3 text-sm" data-testid="seller-feedback">
                Seller&apos;s rating: {call.feedbackRating > 0 ? "helpful" : "not helpful"}
                {call.feedbackReason && `: “${call.feedbackReason}”`}
              </p>
            )}
          </section>

          <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="published-heading" data-testid="review-published">
            <h2 id="published-heading" className="mb-2 font-semibold">
              What the seller published
            </h2>
            {listing ? (
              <dl className="grid grid-cols-2 gap-2 text-sm">
                <Fact label="Title">
                  <Link href={`/listings/${listing.id}`} className="underline">
                    {listing.title}
                  </Link>
                </Fact>
                <Fact label="Category">{listing.category}</Fact>
                <Fact label="Condition">{CONDITION_LABELS[listing.condition]}</Fact>
                <Fact label="Price">{formatPrice(listing.priceCents)}</Fact>
                <div className="col-span-2">
                  <Fact label="Description">{listing.description}</Fact>
                </div>
              </dl>
            ) : (
              <p className="text-sm text-stone-600">Not published (yet).</p>
            )}
          </section>

          <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="label-heading">
            <h2 id="label-heading" className="mb-2 font-semibold">
              {mine ? "Your label" : "Your labels"}
            </h2>
            {holding || mine ? (
              <ReviewLabelForm itemId={item.id} judgeFields={suggestion !== null} suggestion={suggestedSource} published={publishedSource} initial={initial} />
            ) : complete ? (
              <p className="text-sm text-stone-600">This item has all the labels it needs.</p>
            ) : item.claimedBy && item.claimedAt && leaseEnd(item.claimedAt) > now ? (
              <p className="text-sm text-stone-600">
                {details.claimantName ?? "Another reviewer"} is labelling this item until {time.format(leaseEnd(item.claimedAt))}.
              </p>
            ) : (
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <p>Take this item to label it; nobody else gets it while you hold it.</p>
                <ClaimItemButton itemId={item.id} label="Take this item" />
              </div>
            )}
          </section>
        </div>
      </div>

      {showLabels && labels.length > 0 && (
        <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="labels-heading">
          <h2 id="labels-heading" className="mb-3 font-semibold">
            Labels
          </h2>
          <ul className="flex flex-col gap-4">
            {labels.map(({ label, reviewerName }) => (
              <li key={label.id} className="flex flex-col gap-3 border-t border-stone-100 pt-3 first:border-t-0 first:pt-0" data-testid="review-label">
                <p className="text-sm">
                  <strong>{reviewerName ?? "deleted account"}</strong>: {label.category ?? "category unknown"} · “{label.title}” ·{" "}
                  {label.priceMinCents !== null && label.priceMaxCents !== null ? `${formatPrice(label.priceMinCents)}–${formatPrice(label.priceMaxCents)}` : "no price range"}
                  {label.comment && ` · ${label.comment}`}
                </p>
                {Object.keys(label.verdicts).length > 0 && (
                  <p className="text-xs text-stone-600">
                    {VERDICT_FIELDS.filter((field) => label.verdicts[field])
                      .map((field) => `${VERDICT_FIELD_LABELS[field]}: ${VERDICT_LABELS[label.verdicts[field]]}`)
                      .join(" · ")}
                  </p>
                )}
                {label.promotedTo ? (
                  <p className="text-sm text-green-800" data-testid="promoted-to">
                    In dataset {label.promotedTo}
                  </p>
                ) : null}
                <PromoteLabelForm labelId={label.id} datasets={[...new Set(datasets.map((dataset) => dataset.name))]} keywords={suggestKeywords(label.title)} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
