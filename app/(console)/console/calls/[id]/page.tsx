import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CallStatusBadge, FeedbackMark } from "@/components/console/call-badges";
import { FieldDiff, type FieldDiffRow } from "@/components/console/field-diff";
import { listingSuggestionSchema } from "@/lib/ai/output-schema";
import { requireAdminPage } from "@/lib/auth/admin";
import { getAiCallDetail, type AiCallDetail } from "@/lib/db/queries/ai-calls";
import { imageUrl } from "@/lib/images";
import { dateTime, formatMs, formatNumber, formatUsd } from "@/lib/monitoring/format";
import { COMPARED_FIELDS } from "@/lib/db/json-columns";
import { compareFields } from "@/lib/sell/implicit-feedback";
import { suggestedValues } from "@/lib/sell/sell-draft";

export const metadata: Metadata = { title: "Call" };

const card = "rounded-xl bg-white p-4 shadow-sm";

export default async function CallPage({ params }: PageProps<"/console/calls/[id]">) {
  const { id } = await params;
  await requireAdminPage(`/console/calls/${id}`);
  const detail = await getAiCallDetail(id);
  if (!detail) notFound();
  const { call, photos, listing } = detail;
  const callParams = (call.params ?? {}) as { attempt?: number; retryOf?: string | null; [key: string]: unknown };
  const comparison = fieldComparison(detail);
  const implicit = call.implicitFeedback;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/console/calls" className="text-sm underline">
          ← Calls
        </Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-semibold">
          Call <span className="font-mono text-base">{call.id}</span> <CallStatusBadge status={call.status} />
        </h1>
        <p className="text-sm text-stone-600">
          {dateTime.format(call.createdAt)} UTC · {call.feature} · <span className="font-mono">{call.modelId}</span> · prompt{" "}
          {call.promptId ? (
            <Link href={`/console/prompts?id=${call.promptId}&v=${call.promptVersion}`} className="underline" data-testid="prompt-link">
              {call.promptId}@{call.promptVersion}
            </Link>
          ) : (
            "none"
          )}
          {call.promptHash && ` (${call.promptHash})`} · seller {detail.userEmail ?? "unknown"}
        </p>
        {photos.length > 0 && (
          <Link href={`/console/playground?call=${call.id}`} className="mt-1 inline-block text-sm font-medium underline">
            Open in playground
          </Link>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <section aria-labelledby="photo-heading" className={card}>
          <h2 id="photo-heading" className="mb-3 font-semibold">
            {photos.length === 1 ? "Photo" : "Photos"}
          </h2>
          {photos.length === 0 ? (
            <p className="text-sm text-stone-600">{call.imageIds.length === 0 ? "No photo was sent." : "The photo is no longer kept (retention)."}</p>
          ) : (
            <div className="flex flex-col gap-2">
              {photos.map((photo, index) => (
                <a key={photo.id} href={imageUrl(photo.storageKey, "full")}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- stored images are already WebP at their display size */}
                  <img src={imageUrl(photo.storageKey, "full")} alt={`Input photo ${index + 1}`} className="w-full rounded-lg" />
                </a>
              ))}
            </div>
          )}
        </section>

        <section aria-labelledby="figures-heading" className={card}>
          <h2 id="figures-heading" className="mb-3 font-semibold">The call</h2>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3" data-testid="call-figures">
            <Item label="Latency" value={formatMs(call.latencyMs)} />
            <Item label="First field" value={call.firstFieldMs === null ? "not streamed" : formatMs(call.firstFieldMs)} />
            <Item label="Tokens in / out" value={`${formatNumber(call.inputTokens)} / ${formatNumber(call.outputTokens)}`} />
            <Item label="Cost" value={call.costUsd === null ? "unknown (no price for this model, or no token counts)" : formatUsd(call.costUsd)} />
            <Item label="Attempt" value={String(callParams.attempt ?? 1)} />
            <Item
              label="Retry of"
              value={
                callParams.retryOf ? (
                  <Link href={`/console/calls/${callParams.retryOf}`} className="font-mono text-xs underline">
                    {callParams.retryOf}
                  </Link>
                ) : (
                  "–"
                )
              }
            />
            <Item label="Variant" value={call.variantKey ?? "–"} />
            <Item label="Required fields left empty" value={call.emptyRequiredFields === null ? "–" : String(call.emptyRequiredFields)} />
            <Item label="Provider" value={call.provider} />
            {call.errorClass && <Item label="Error" value={`${call.errorClass}: ${call.errorMessage ?? ""}`} wide />}
            <Item label="Parameters" value={<code className="text-xs">{JSON.stringify(call.params)}</code>} wide />
          </dl>

          <h3 className="mt-5 mb-2 font-semibold">Seller feedback</h3>
          <div className="text-sm" data-testid="call-feedback">
            {call.feedbackRating === null ? (
              <p className="text-stone-600">No thumbs up or down.</p>
            ) : (
              <p>
                <FeedbackMark rating={call.feedbackRating} /> {call.feedbackRating > 0 ? "Helpful" : "Not helpful"}
                {call.feedbackAt && ` · ${dateTime.format(call.feedbackAt)} UTC`}
                {call.feedbackReason && <span className="mt-1 block italic">“{call.feedbackReason}”</span>}
              </p>
            )}
            {implicit && (
              <p className="mt-2 text-stone-700" data-testid="implicit-feedback">
                Published {call.publishedAt && `${dateTime.format(call.publishedAt)} UTC`}: title edit distance {implicit.titleEditDistance.toFixed(2)}, description{" "}
                {implicit.descriptionEditDistance.toFixed(2)}, category {implicit.categoryChanged ? "changed" : "kept"}, price error |ln ratio|{" "}
                {implicit.priceLogError === null ? "–" : implicit.priceLogError.toFixed(3)}.
              </p>
            )}
            {!implicit && call.status === "ok" && <p className="mt-2 text-stone-600">No listing was published from this suggestion.</p>}
          </div>
        </section>
      </div>

      {comparison && (
        <section aria-labelledby="listing-heading" className={card}>
          <h2 id="listing-heading" className="mb-1 font-semibold">Suggestion and published listing</h2>
          <p className="mb-3 text-sm text-stone-600">
            {listing ? (
              <>
                <Link href={`/listings/${listing.id}`} className="underline">
                  {listing.title}
                </Link>
                {listing.updatedAt.getTime() - listing.createdAt.getTime() > 5000 && " · edited since it was published; what the seller kept is as at publishing"}
              </>
            ) : (
              "The listing has since been deleted; what the seller kept is as at publishing."
            )}
          </p>
          <FieldDiff rows={comparison} />
        </section>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="raw-heading" className={card}>
          <h2 id="raw-heading" className="mb-3 font-semibold">Raw output</h2>
          <pre className="max-h-96 overflow-auto rounded-lg bg-stone-50 p-3 text-xs whitespace-pre-wrap" data-testid="raw-output">
            {call.rawOutput ?? "(none)"}
          </pre>
        </section>
        <section aria-labelledby="parsed-heading" className={card}>
          <h2 id="parsed-heading" className="mb-3 font-semibold">Parsed output</h2>
          <pre className="max-h-96 overflow-auto rounded-lg bg-stone-50 p-3 text-xs whitespace-pre-wrap" data-testid="parsed-output">
            {call.output === null ? "(none)" : JSON.stringify(call.output, null, 2)}
          </pre>
        </section>
      </div>
    </div>
  );
}

function Item({ label, value, wide = false }: { label: string; value: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-full" : ""}>
      <dt className="text-xs text-stone-500">{label}</dt>
      <dd className="break-words">{value}</dd>
    </div>
  );
}

/**
 * Each field as suggested and as published, with what the seller did as recorded when they
 * published (the listing may have been edited or deleted since).
 */
function fieldComparison({ call, listing }: AiCallDetail): FieldDiffRow[] | null {
  const suggestion = listingSuggestionSchema.safeParse(call.output);
  if (!suggestion.success) return null;
  const stored = call.implicitFeedback?.fields;
  if (!listing) {
    if (!stored) return null;
    const suggested = suggestedValues(suggestion.data, "");
    return COMPARED_FIELDS.map((field) => ({ field, suggested: suggested[field] ?? "", published: null, outcome: stored[field] }));
  }
  const sellerDetails = ((listing.aiSuggestion as { sellerDetails?: Record<string, string | null> } | null)?.sellerDetails ?? {}) as Record<string, string | null>;
  const rows = compareFields(suggestion.data, {
    ...listing,
    details: { brand: sellerDetails.brand ?? "", colour: sellerDetails.colour ?? "", material: sellerDetails.material ?? "", size: sellerDetails.size ?? "" },
  });
  return rows.map((row) => ({ ...row, outcome: stored?.[row.field] ?? row.outcome }));
}
