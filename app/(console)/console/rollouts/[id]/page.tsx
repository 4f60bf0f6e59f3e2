import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RolloutSharesForm, RolloutStatusButton } from "@/components/console/rollout-forms";
import { RolloutResultsTable, RolloutVariantsTable } from "@/components/console/rollout-tables";
import { requireAdminPage } from "@/lib/auth/admin";
import { getExperimentById, getExperimentChanges, getExposureRows } from "@/lib/db/queries/rollouts";
import { computeRolloutResults } from "@/lib/rollout/results";
import { CONTROL_KEY } from "@/lib/rollout/variants";

export const metadata: Metadata = { title: "Rollout" };

const dateTime = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short" });

export default async function RolloutPage({ params }: PageProps<"/console/rollouts/[id]">) {
  const { id } = await params;
  await requireAdminPage(`/console/rollouts/${id}`);
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const [experiment, changes, exposures] = await Promise.all([getExperimentById(id), getExperimentChanges(id), getExposureRows(id)]);
  if (!experiment) notFound();

  const candidates = experiment.variants.filter((variant) => variant.key !== CONTROL_KEY);
  const results = computeRolloutResults(
    exposures.map((row) => ({
      variantKey: row.variantKey,
      userId: row.userId,
      createdAt: row.createdAt,
      published: row.listingId !== null,
      status: row.status,
      latencyMs: row.latencyMs,
      costUsd: row.costUsd,
      feedbackRating: row.feedbackRating,
      outcome: row.implicitFeedback ?? null,
    })),
    experiment.variants.map((variant) => variant.key),
    CONTROL_KEY,
  );
  const cut = candidates.filter((variant) => variant.cutReason);
  const columns = results.variants.filter((variant) => variant.key !== "holdout" || experiment.holdoutShare > 0 || variant.requests > 0);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href="/console/rollouts" className="underline">
              Rollouts
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">{experiment.name}</h1>
          <p className="text-sm text-stone-600" data-testid="rollout-status">
            Status: {experiment.status} · started {dateTime.format(experiment.createdAt)}
            {experiment.stoppedAt && ` · stopped ${dateTime.format(experiment.stoppedAt)}`}
          </p>
        </div>
        {experiment.status !== "stopped" && (
          <div className="flex gap-2">
            {experiment.status === "running" ? (
              <RolloutStatusButton experimentId={experiment.id} status="paused" label="Pause" />
            ) : (
              <RolloutStatusButton experimentId={experiment.id} status="running" label="Resume" />
            )}
            <RolloutStatusButton experimentId={experiment.id} status="stopped" label="Stop" confirmText="Stop this experiment for good? Everyone gets what is live." />
          </div>
        )}
      </div>

      {cut.map((variant) => (
        <p key={variant.key} role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="guard-rail-alert">
          Guard rail: candidate {variant.key} was returned to control{variant.cutAt ? ` on ${dateTime.format(variant.cutAt)}` : ""}. {variant.cutReason}
        </p>
      ))}

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="variants-heading">
        <h2 id="variants-heading" className="mb-3 font-semibold">Variants</h2>
        <RolloutVariantsTable experiment={experiment} />
        {experiment.status !== "stopped" && (
          <div className="mt-4">
            <RolloutSharesForm experimentId={experiment.id} holdout={experiment.holdoutShare} candidates={candidates.map(({ key, share }) => ({ key, share }))} />
          </div>
        )}
        <p className="mt-2 text-xs text-stone-500">
          Guard rails over each candidate&apos;s last {experiment.guardRails.window} calls (judged from {experiment.guardRails.minCalls}): error rate above{" "}
          {Math.round(experiment.guardRails.maxErrorRate * 100)} %, invalid answers above {Math.round(experiment.guardRails.maxInvalidRate * 100)} % or p95 latency above{" "}
          {experiment.guardRails.maxP95LatencyMs} ms return it to control.
        </p>
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-1 font-semibold">Results</h2>
        <p className="mb-3 text-xs text-stone-500">
          Differences are against control, with 95 % intervals bootstrapped over sellers (not calls). A verdict needs at least 5 sellers a side and an interval clear of zero.
        </p>
        <RolloutResultsTable results={results} variants={columns} />
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="changes-heading">
        <h2 id="changes-heading" className="mb-3 font-semibold">Change log</h2>
        <ul className="flex flex-col gap-1 text-sm" data-testid="rollout-changes">
          {changes.map(({ change, changedByName }) => (
            <li key={change.id}>
              {dateTime.format(change.changedAt)} · {change.changedBy ? (changedByName ?? "someone") : "guard rail"} · {change.action}: {change.detail}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
