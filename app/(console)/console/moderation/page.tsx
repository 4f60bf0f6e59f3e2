import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { ModerationActionForm } from "@/components/console/moderation-action-form";
import { requireModeratorPage } from "@/lib/auth/admin";
import { listModerationQueue } from "@/lib/db/queries/moderation";
import { REPORT_REASON_LABELS, type ReportReason } from "@/lib/db/safety-vocabulary";
import { formatRelativeDate } from "@/lib/listings/format";
import { claimModerationItem } from "./actions";

export const metadata: Metadata = { title: "Moderation queue" };

export default async function ModerationQueuePage() {
  const moderator = await requireModeratorPage("/console/moderation");
  const queue = await listModerationQueue();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">Moderation queue</h1>
        <Link href="/console/moderation/log" className="text-sm underline">
          Audit log
        </Link>
      </div>
      <p className="text-sm text-stone-600">Reported listings and conversations, oldest first. Claim one to let the others know you have it.</p>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <DataTable
          label="Reported items"
          testId="moderation-queue"
          rowTestId="moderation-item"
          rows={queue}
          rowKey={(item) => item.id}
          rowHref={(item) => `/console/moderation/${item.id}`}
          rowProps={(item) => ({ "data-item-id": item.id, "data-listing-id": item.listingId ?? undefined })}
          empty="Nothing is waiting: no open reports."
          emptyTestId="moderation-queue-empty"
          columns={[
            { header: "Item", link: true, cell: (item) => `${item.kind === "listing" ? "Listing" : "Conversation"}: ${item.title ?? "(removed)"}` },
            { header: "Reports", numeric: true, cell: (item) => item.reportCount },
            { header: "Reasons", cell: (item) => item.reasons.map((reason) => REPORT_REASON_LABELS[reason as ReportReason] ?? reason).join(", ") },
            { header: "Waiting", cell: (item) => formatRelativeDate(item.openedAt) },
            { header: "Listing", cell: (item) => (item.kind === "listing" ? (item.hiddenAt ? "Hidden" : "Shown") : "–") },
            {
              header: "Claimed by",
              cell: (item) =>
                item.claimedById === moderator.id ? (
                  "You"
                ) : (
                  <div className="flex items-center gap-2">
                    {item.claimedBy && <span>{item.claimedBy}</span>}
                    <ModerationActionForm action={claimModerationItem} hidden={{ itemId: item.id, reason: "" }} submitLabel={item.claimedBy ? "Take over" : "Claim"} withReason={false} />
                  </div>
                ),
            },
          ]}
        />
      </section>
    </div>
  );
}
