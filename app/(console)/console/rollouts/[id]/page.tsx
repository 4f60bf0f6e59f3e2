import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PromoteVariantButton, RolloutSharesForm, RolloutStatusButton } from "@/components/console/rollout-forms";
import { requireAdminPage } from "@/lib/auth/admin";
import { getExperimentById, getExperimentChanges, getExposureRows } from "@/lib/db/queries/rollouts";
import { computeRolloutResults, type MetricResult } from "@/lib/rollout/results";
import { CONTROL_KEY } from "@/lib/rollout/variants";
import type { VariantComparison } from "@/lib/rollout/statistics";

export const metadata: Metadata = { title: "Rollout" };

const dateTime = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short" });

function formatValue(value: number | null, format: MetricResult["format"]): string {
  if (value === null) return "—";
  switch (format) {
    case "percent":
      return `${(value * 100).toFixed(1)} %`;
    case "ms":
      return `${Math.round(value)} ms`;
    case "usd":
      return `$${value.toFixed(4)}`;
    default:
      return value.toFixed(3);
  }
}

function Comparison({ comparison, format }: { comparison: VariantComparison | undefined; format: MetricResult["format"] }) {
  if (!comparison?.difference) return null;
  const { estimate, low, high } = comparison.difference;
  const signed = (value: number) => `${value >= 0 ? "+" : "−"}${formatValue(Math.abs(value), format)}`;
  const colour = comparison.verdict === "better" ? "text-green-800" : comparison.verdict === "worse" ? "text-red-700" : "text-stone-500";
  return (
    <span className="block text-xs">
      {signed(estimate)} [{signed(low)}, {signed(high)}] <span className={`font-medium ${colour}`}>{comparison.verdict}</span>
    </span>
  );
}

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
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="rollout-variants">
            <thead className="text-stone-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Variant</th>
                <th className="py-1 pr-3 font-medium">Prompt</th>
                <th className="py-1 pr-3 font-medium">Model</th>
                <th className="py-1 pr-3 font-medium">Temperature</th>
                <th className="py-1 pr-3 font-medium">Share of sellers</th>
                <th className="py-1 pr-3 font-medium" />
              </tr>
            </thead>
            <tbody>
              {experiment.variants.map((variant) => (
                <tr key={variant.key} className="border-t border-stone-100">
                  <td className="py-1 pr-3 font-medium">{variant.key === CONTROL_KEY ? "A (control)" : variant.key}</td>
                  <td className="py-1 pr-3">
                    <Link href={`/console/prompts?id=${variant.promptId}&v=${variant.promptVersion}`} className="underline">
                      {variant.promptId}@{variant.promptVersion}
                    </Link>
                  </td>
                  <td className="py-1 pr-3">{variant.modelId ?? "configured model"}</td>
                  <td className="py-1 pr-3">{variant.params.temperature ?? "default"}</td>
                  <td className="py-1 pr-3" data-testid={`share-${variant.key}`}>
                    {variant.key === CONTROL_KEY
                      ? `${(Math.max(0, 1 - experiment.holdoutShare - candidates.reduce((total, candidate) => total + candidate.share, 0)) * 100).toFixed(1)} % (the rest)`
                      : `${(variant.share * 100).toFixed(1)} %${variant.cutReason ? " (cut by guard rail)" : ""}`}
                  </td>
                  <td className="py-1 pr-3">{experiment.status !== "stopped" && <PromoteVariantButton experimentId={experiment.id} variantKey={variant.key} />}</td>
                </tr>
              ))}
              <tr className="border-t border-stone-100">
                <td className="py-1 pr-3 font-medium">Holdout</td>
                <td className="py-1 pr-3 text-stone-500" colSpan={3}>
                  no pre-fill
                </td>
                <td className="py-1 pr-3">{(experiment.holdoutShare * 100).toFixed(1)} %</td>
                <td />
              </tr>
            </tbody>
          </table>
        </div>
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
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="rollout-results">
            <thead className="text-stone-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Metric</th>
                {columns.map((variant) => (
                  <th key={variant.key} className="py-1 pr-3 font-medium">
                    {variant.key === CONTROL_KEY ? "A (control)" : variant.key === "holdout" ? "Holdout" : variant.key}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="border-t border-stone-100">
                <th scope="row" className="py-1 pr-3 font-normal">Sellers · requests · calls</th>
                {columns.map((variant) => (
                  <td key={variant.key} className="py-1 pr-3" data-testid={`sellers-${variant.key}`}>
                    {variant.sellers} · {variant.requests} · {variant.calls}
                  </td>
                ))}
              </tr>
              {results.metrics.map((metric) => (
                <tr key={metric.id} className="border-t border-stone-100 align-top" data-testid={`metric-${metric.id}`}>
                  <th scope="row" className="py-1 pr-3 font-normal">{metric.label}</th>
                  {columns.map((variant) => (
                    <td key={variant.key} className="py-1 pr-3">
                      {metric.id === "costPerPublished" && variant.unknownCost ? "unknown" : formatValue(metric.values[variant.key] ?? null, metric.format)}
                      <Comparison comparison={metric.comparisons[variant.key]} format={metric.format} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
