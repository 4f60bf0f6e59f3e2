import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { requireModeratorPage } from "@/lib/auth/admin";
import { listModerationLog } from "@/lib/db/queries/moderation";
import { MODERATION_ACTION_LABELS } from "@/lib/db/safety-vocabulary";

export const metadata: Metadata = { title: "Moderation audit log" };

const when = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short" });

export default async function ModerationLogPage() {
  await requireModeratorPage("/console/moderation/log");
  const entries = await listModerationLog();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Moderation audit log</h1>
      <p className="text-sm text-stone-600">Every moderator decision, newest first. Nothing is deleted: a hidden listing or a suspension is undone by the opposite action, which appears here too.</p>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <DataTable
          label="Audit log"
          testId="moderation-log"
          rowTestId="moderation-log-entry"
          rows={entries}
          rowKey={(entry) => entry.id}
          rowProps={(entry) => ({ "data-action": entry.action })}
          empty="No moderator has acted yet."
          columns={[
            { header: "When", cell: (entry) => <time dateTime={entry.createdAt.toISOString()}>{when.format(entry.createdAt)}</time> },
            { header: "Who", cell: (entry) => entry.moderatorName ?? "(account removed)" },
            { header: "Action", cell: (entry) => MODERATION_ACTION_LABELS[entry.action] },
            {
              header: "On",
              cell: (entry) => (
                <span className="flex flex-col">
                  {entry.listingId && <Link href={`/listings/${entry.listingId}`} className="underline">{entry.listingTitle ?? "a listing"}</Link>}
                  {entry.targetUserName && <span>User: {entry.targetUserName}</span>}
                  {entry.itemId && <Link href={`/console/moderation/${entry.itemId}`} className="text-xs underline">the reported item</Link>}
                </span>
              ),
            },
            { header: "Why", className: "max-w-md whitespace-normal", cell: (entry) => entry.reason },
            { header: "Details", className: "text-xs", cell: (entry) => (entry.details ? Object.entries(entry.details).map(([key, value]) => `${key}: ${value}`).join("; ") : "") },
          ]}
        />
      </section>
    </div>
  );
}
