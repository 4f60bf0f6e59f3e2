import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ModerationActionForm } from "@/components/console/moderation-action-form";
import { requireModeratorPage } from "@/lib/auth/admin";
import { getModerationItem } from "@/lib/db/queries/moderation";
import { REPORT_REASON_LABELS } from "@/lib/db/safety-vocabulary";
import { imageUrl } from "@/lib/images";
import { formatRelativeDate } from "@/lib/listings/format";
import { describeSuspensionEnd } from "@/lib/safety/suspension";
import { claimModerationItem, dismissReports, hideReportedListing, liftUserSuspension, restoreHiddenListing, suspendReportedUser } from "../actions";

export const metadata: Metadata = { title: "Reported item" };

export default async function ModerationItemPage({ params }: PageProps<"/console/moderation/[id]">) {
  const { id } = await params;
  const moderator = await requireModeratorPage(`/console/moderation/${encodeURIComponent(id)}`);
  const item = await getModerationItem(id);
  if (!item) notFound();
  const { listing, conversation } = item;
  const open = item.status === "open";

  return (
    <div className="flex flex-col gap-6" data-testid="moderation-item" data-status={item.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">
          Reported {item.kind}: {listing?.title ?? "(removed)"}
        </h1>
        <Link href="/console/moderation" className="text-sm underline">
          Back to the queue
        </Link>
      </div>
      <p className="text-sm text-stone-600" data-testid="moderation-item-state">
        {open ? "Open" : "Decided"} · {item.claimedByName ? `claimed by ${item.claimedBy === moderator.id ? "you" : item.claimedByName}` : "not claimed"}
        {listing ? ` · listing ${listing.hiddenAt ? "hidden" : "shown"}` : ""}
      </p>
      {open && item.claimedBy !== moderator.id && (
        <ModerationActionForm action={claimModerationItem} hidden={{ itemId: item.id, reason: "" }} submitLabel={item.claimedBy ? "Take over" : "Claim"} withReason={false} />
      )}

      <section className="flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm" aria-labelledby="reports-heading">
        <h2 id="reports-heading" className="font-semibold">
          Reports ({item.reports.length})
        </h2>
        <ul className="flex flex-col gap-2 text-sm">
          {item.reports.map((report) => (
            <li key={report.id} data-testid="moderation-report" data-status={report.status} className="rounded-lg border border-stone-200 p-2">
              <p>
                <span className="font-medium">{REPORT_REASON_LABELS[report.reason]}</span> · {report.reporterName ?? "Photo screening"} · {formatRelativeDate(report.createdAt)} ·{" "}
                {report.status === "open" ? "open" : "resolved"}
              </p>
              {report.note && <p className="whitespace-pre-wrap text-stone-700">{report.note}</p>}
            </li>
          ))}
        </ul>
      </section>

      {listing && (
        <section className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm" aria-labelledby="listing-heading">
          <h2 id="listing-heading" className="font-semibold">
            Listing:{" "}
            <Link href={`/listings/${listing.id}`} className="underline">
              {listing.title}
            </Link>{" "}
            <span className="text-sm font-normal text-stone-600">
              by {listing.sellerName} · {listing.category} · {listing.status}
            </span>
          </h2>
          <p className="text-sm whitespace-pre-wrap text-stone-800">{listing.description || "(no description)"}</p>
          {listing.photos.length > 0 && (
            <ul className="flex flex-wrap gap-2">
              {listing.photos.map((photo) => (
                <li key={photo.id} className="flex flex-col items-center gap-1 text-xs text-stone-600">
                  <span className="relative block size-28 overflow-hidden rounded-lg bg-stone-100">
                    <Image src={imageUrl(photo.storageKey, "thumb")} alt="" fill unoptimized sizes="112px" className="object-cover" />
                  </span>
                  {photo.screeningScore === null ? "not screened" : `explicit ${photo.screeningScore.toFixed(2)}`}
                </li>
              ))}
            </ul>
          )}
          {listing.hiddenAt ? (
            <>
              <p className="text-sm text-amber-900">Hidden. The seller is shown: {listing.hiddenReason}</p>
              <ModerationActionForm action={restoreHiddenListing} hidden={{ listingId: listing.id }} submitLabel="Restore listing" testId="restore-listing" />
            </>
          ) : (
            <ModerationActionForm
              action={hideReportedListing}
              hidden={{ listingId: listing.id, itemId: item.id }}
              submitLabel="Hide listing"
              reasonLabel="Reason (shown to the seller, and kept in the audit log)"
              variant="danger"
              testId="hide-listing"
            />
          )}
        </section>
      )}

      {conversation && (
        <section className="flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm" aria-labelledby="conversation-heading">
          <h2 id="conversation-heading" className="font-semibold">
            Conversation
          </h2>
          <ol className="flex flex-col gap-1 text-sm">
            {conversation.messages.map((message) => (
              <li key={message.id}>
                <span className="font-medium">{message.senderId === conversation.buyerId ? conversation.buyerName : (listing?.sellerName ?? "Seller")}:</span>{" "}
                <span className="whitespace-pre-wrap">{message.body}</span>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className="flex flex-col gap-4 rounded-xl bg-white p-4 shadow-sm" aria-labelledby="people-heading">
        <h2 id="people-heading" className="font-semibold">
          People
        </h2>
        {item.people.map((person) => (
          <div key={person.id} className="flex flex-col gap-2 border-t border-stone-100 pt-3" data-testid={`person-${person.role}`}>
            <p className="text-sm">
              <span className="font-medium">{person.name}</span> ({person.role}) ·{" "}
              {person.suspension ? `suspended ${describeSuspensionEnd(person.suspension.endsAt)}: ${person.suspension.reason}` : "in good standing"}
            </p>
            {person.suspension ? (
              <ModerationActionForm action={liftUserSuspension} hidden={{ userId: person.id }} submitLabel={`Lift ${person.name}'s suspension`} testId={`lift-${person.role}`} />
            ) : (
              <ModerationActionForm
                action={suspendReportedUser}
                hidden={{ userId: person.id, itemId: item.id }}
                submitLabel={`Suspend ${person.name}`}
                withDays
                variant="danger"
                testId={`suspend-${person.role}`}
              />
            )}
          </div>
        ))}
      </section>

      {open && (
        <section className="flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm" aria-labelledby="dismiss-heading">
          <h2 id="dismiss-heading" className="font-semibold">
            No rule broken
          </h2>
          <ModerationActionForm action={dismissReports} hidden={{ itemId: item.id }} submitLabel="Dismiss the reports" testId="dismiss-reports" />
        </section>
      )}
    </div>
  );
}
