import type { Metadata } from "next";
import { ClaimItemButton } from "@/components/console/claim-item-button";
import { DataTable } from "@/components/console/data-table";
import { QueueRulesForm } from "@/components/console/queue-rules-form";
import { ReviewNextButton } from "@/components/console/review-next-button";
import { agreementRate } from "@/lib/annotation/agreement";
import { VERDICT_FIELD_LABELS, VERDICT_FIELDS } from "@/lib/annotation/label-schema";
import { fillReviewQueue, leaseEnd, QUEUE_LOOKBACK_DAYS, REVIEW_LEASE_MINUTES, REVIEW_LEASE_MS } from "@/lib/annotation/queue";
import { requireAdminPage } from "@/lib/auth/admin";
import { getQueueRules } from "@/lib/db/queries/review-queue";
import { getQueueCounts, getReviewerProgress, listMultiplyLabelledItems, listOpenReviewItems, listRecentLabels } from "@/lib/db/queries/review-reports";
import { formatRelativeDate } from "@/lib/listings/format";

export const metadata: Metadata = { title: "Review queue" };

const time = new Intl.DateTimeFormat("en-IE", { timeStyle: "short" });
const percent = (rate: number | null) => (rate === null ? "–" : `${(rate * 100).toFixed(1)}%`);

function startOfToday(now: Date): Date {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  return today;
}

export default async function ReviewQueuePage({ searchParams }: PageProps<"/console/review">) {
  const admin = await requireAdminPage("/console/review");
  const params = await searchParams;
  // No background job fills the queue: opening this page does (idempotent, see lib/annotation/queue.ts).
  await fillReviewQueue();
  const now = new Date();
  const [rules, counts, open, recent, progress, multiplyLabelled] = await Promise.all([
    getQueueRules(),
    getQueueCounts(admin.id, { now, leaseMs: REVIEW_LEASE_MS }),
    listOpenReviewItems(50),
    listRecentLabels(20),
    getReviewerProgress(startOfToday(now)),
    listMultiplyLabelledItems(),
  ]);
  const agreement = agreementRate(multiplyLabelled);

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Review queue</h1>
      <section className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm" aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="sr-only">
          Queue
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="queue-counts">
          {[
            ["Open for you", counts.openForYou],
            ["Waiting for a label", counts.open],
            ["Being labelled now", counts.held],
            ["Queued in all", counts.queued],
          ].map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-stone-500">{label}</dt>
              <dd className="text-lg font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        {params.empty && (
          <p role="status" className="text-sm text-stone-700">
            Nothing left for you in the queue right now.
          </p>
        )}
        <ReviewNextButton />
        <p className="text-xs text-stone-500">
          Taking an item holds it for you for {REVIEW_LEASE_MINUTES} minutes, so nobody else gets it meanwhile. The item page lists its keyboard shortcuts.
        </p>
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="open-heading">
        <h2 id="open-heading" className="mb-3 font-semibold">
          Waiting for a label
        </h2>
        <DataTable
          columns={[
            { header: "Queued", cell: ({ item }) => formatRelativeDate(item.createdAt, now) },
            {
              header: "Seller",
              cell: ({ sellerName, sellerEmail }) => (
                <>
                  {sellerName ?? "deleted account"} <span className="text-stone-500">{sellerEmail}</span>
                </>
              ),
            },
            { header: "Suggested", cell: ({ suggestedTitle, status }) => suggestedTitle ?? <span className="text-stone-500">{status === "error" ? "no answer" : "invalid answer"}</span> },
            {
              header: "Why",
              cell: ({ item, modelId }) => (
                <>
                  {item.reason} <span className="font-mono text-xs text-stone-500">{modelId}</span>
                </>
              ),
            },
            { header: "Labels", cell: ({ item }) => `${item.labelCount}/${item.labelsWanted}`, className: "tabular-nums" },
            {
              header: "Status",
              cell: ({ item }) => {
                const held = item.claimedBy && item.claimedAt && leaseEnd(item.claimedAt) > now;
                return held ? (item.claimedBy === admin.id ? "held by you" : `held until ${time.format(leaseEnd(item.claimedAt!))}`) : "waiting";
              },
            },
            { header: "", cell: ({ item }) => <ClaimItemButton itemId={item.id} /> },
          ]}
          rows={open}
          rowKey={({ item }) => item.id}
          rowTestId="open-item"
          empty="The queue is empty: the rules below decide which calls enter it."
        />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="progress-heading">
          <h2 id="progress-heading" className="mb-3 font-semibold">
            Reviewers
          </h2>
          <DataTable
            columns={[
              { header: "Reviewer", cell: (reviewer) => reviewer.name ?? "deleted account" },
              { header: "Today", cell: (reviewer) => reviewer.recent, numeric: true },
              { header: "In all", cell: (reviewer) => reviewer.labels, numeric: true },
              { header: "In datasets", cell: (reviewer) => reviewer.promoted, numeric: true },
            ]}
            rows={progress}
            rowKey={(reviewer) => reviewer.reviewerId ?? "deleted"}
            testId="reviewer-progress"
            empty="No labels yet."
          />
        </section>

        <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="agreement-heading">
          <h2 id="agreement-heading" className="mb-1 font-semibold">
            Agreement between reviewers
          </h2>
          <p className="mb-3 text-sm text-stone-600" data-testid="agreement">
            {agreement.items === 0
              ? "No call has two labels yet. Raise the share labelled twice in the rules to measure agreement."
              : `Over ${agreement.items} call${agreement.items === 1 ? "" : "s"} labelled twice: category ${percent(agreement.category.rate)} (chance-corrected, Scott's π: ${agreement.category.chanceCorrected?.toFixed(2) ?? "–"}).`}
          </p>
          {agreement.items > 0 && (
            <DataTable
              columns={[
                { header: "Verdict on the suggested…", cell: (field) => VERDICT_FIELD_LABELS[field].toLowerCase() },
                { header: "Agreement", cell: (field) => percent(agreement.verdicts[field].rate), numeric: true },
                { header: "Pairs", cell: (field) => agreement.verdicts[field].pairs, numeric: true },
              ]}
              rows={VERDICT_FIELDS}
              rowKey={(field) => field}
              empty={null}
            />
          )}
        </section>
      </div>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-3 font-semibold">
          Recent labels
        </h2>
        <DataTable
          columns={[
            { header: "Title", cell: ({ label }) => label.title, link: true },
            { header: "Category", cell: ({ label }) => label.category ?? "–" },
            { header: "Reviewer", cell: ({ reviewerName }) => reviewerName ?? "deleted account" },
            { header: "Why queued", cell: ({ reason }) => reason },
            { header: "In dataset", cell: ({ label }) => label.promotedTo ?? "–" },
          ]}
          rows={recent}
          rowKey={({ label }) => label.id}
          rowHref={({ label }) => `/console/review/${label.itemId}`}
          rowTestId="recent-label"
          empty="No labels yet."
        />
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="rules-heading">
        <h2 id="rules-heading" className="mb-1 font-semibold">
          Which calls enter the queue
        </h2>
        <p className="mb-3 text-sm text-stone-600">
          Pre-fill calls of the last {QUEUE_LOOKBACK_DAYS} days are checked each time this page opens and whenever someone takes the next item. A call enters once, with
          every rule it matched then. The random sample is decided by a hash of the call id, so it is reproducible.
        </p>
        <QueueRulesForm rules={rules} />
      </section>
    </div>
  );
}
