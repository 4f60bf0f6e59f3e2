import type { Metadata } from "next";
import Link from "next/link";
import { ClaimItemButton } from "@/components/console/claim-item-button";
import { QueueRulesForm } from "@/components/console/queue-rules-form";
import { ReviewNextButton } from "@/components/console/review-next-button";
import { agreementRate } from "@/lib/annotation/agreement";
import { VERDICT_FIELD_LABELS, VERDICT_FIELDS } from "@/lib/annotation/label-schema";
import { fillReviewQueue, leaseEnd, QUEUE_LOOKBACK_DAYS, REVIEW_LEASE_MINUTES, REVIEW_LEASE_MS } from "@/lib/annotation/queue";
import { requireAdminPage } from "@/lib/auth/admin";
import {
  getQueueCounts,
  getQueueRules,
  getReviewerProgress,
  listMultiplyLabelledItems,
  listOpenReviewItems,
  listRecentLabels,
} from "@/lib/db/queries/review-queue";
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
        {open.length === 0 ? (
          <p className="text-sm text-stone-600">The queue is empty: the rules below decide which calls enter it.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-stone-500">
                <tr>
                  <th>Queued</th>
                  <th>Seller</th>
                  <th>Suggested</th>
                  <th>Why</th>
                  <th>Labels</th>
                  <th>Status</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {open.map(({ item, sellerName, sellerEmail, suggestedTitle, status, modelId }) => {
                  const held = item.claimedBy && item.claimedAt && leaseEnd(item.claimedAt) > now;
                  return (
                    <tr key={item.id} className="border-t border-stone-100" data-testid="open-item">
                      <td className="py-1.5">{formatRelativeDate(item.createdAt, now)}</td>
                      <td>
                        {sellerName ?? "deleted account"} <span className="text-stone-500">{sellerEmail}</span>
                      </td>
                      <td>{suggestedTitle ?? <span className="text-stone-500">{status === "error" ? "no answer" : "invalid answer"}</span>}</td>
                      <td>
                        {item.reason} <span className="font-mono text-xs text-stone-500">{modelId}</span>
                      </td>
                      <td className="tabular-nums">
                        {item.labelCount}/{item.labelsWanted}
                      </td>
                      <td>{held ? (item.claimedBy === admin.id ? "held by you" : `held until ${time.format(leaseEnd(item.claimedAt!))}`) : "waiting"}</td>
                      <td>
                        <ClaimItemButton itemId={item.id} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="progress-heading">
          <h2 id="progress-heading" className="mb-3 font-semibold">
            Reviewers
          </h2>
          {progress.length === 0 ? (
            <p className="text-sm text-stone-600">No labels yet.</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="reviewer-progress">
              <thead className="text-stone-500">
                <tr>
                  <th>Reviewer</th>
                  <th className="text-right">Today</th>
                  <th className="text-right">In all</th>
                  <th className="text-right">In datasets</th>
                </tr>
              </thead>
              <tbody>
                {progress.map((reviewer) => (
                  <tr key={reviewer.reviewerId ?? "deleted"} className="border-t border-stone-100">
                    <td className="py-1.5">{reviewer.name ?? "deleted account"}</td>
                    <td className="text-right tabular-nums">{reviewer.recent}</td>
                    <td className="text-right tabular-nums">{reviewer.labels}</td>
                    <td className="text-right tabular-nums">{reviewer.promoted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
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
            <table className="w-full text-left text-sm">
              <thead className="text-stone-500">
                <tr>
                  <th>Verdict on the suggested…</th>
                  <th className="text-right">Agreement</th>
                  <th className="text-right">Pairs</th>
                </tr>
              </thead>
              <tbody>
                {VERDICT_FIELDS.map((field) => (
                  <tr key={field} className="border-t border-stone-100">
                    <td className="py-1">{VERDICT_FIELD_LABELS[field].toLowerCase()}</td>
                    <td className="text-right tabular-nums">{percent(agreement.verdicts[field].rate)}</td>
                    <td className="text-right tabular-nums">{agreement.verdicts[field].pairs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-3 font-semibold">
          Recent labels
        </h2>
        {recent.length === 0 ? (
          <p className="text-sm text-stone-600">No labels yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-stone-500">
              <tr>
                <th>Title</th>
                <th>Category</th>
                <th>Reviewer</th>
                <th>Why queued</th>
                <th>In dataset</th>
              </tr>
            </thead>
            <tbody>
              {recent.map(({ label, reviewerName, reason }) => (
                <tr key={label.id} className="border-t border-stone-100" data-testid="recent-label">
                  <td className="py-1.5">
                    <Link href={`/console/review/${label.itemId}`} className="underline">
                      {label.title}
                    </Link>
                  </td>
                  <td>{label.category ?? "–"}</td>
                  <td>{reviewerName ?? "deleted account"}</td>
                  <td>{reason}</td>
                  <td>{label.promotedTo ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
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
