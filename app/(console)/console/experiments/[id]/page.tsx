import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/console/auto-refresh";
import { ConfusionMatrix } from "@/components/console/confusion-matrix";
import { HistogramChart } from "@/components/console/histogram-chart";
import { requireAdminPage } from "@/lib/auth/admin";
import { imageUrl } from "@/lib/images";
import { priceErrorHistogram } from "@/lib/evals/compare";
import { formatMetric, METRIC_LABELS } from "@/lib/evals/report";
import { getRunDetails } from "@/lib/evals/run-details";

export const metadata: Metadata = { title: "Experiment run" };

export default async function RunPage({ params }: PageProps<"/console/experiments/[id]">) {
  const { id } = await params;
  await requireAdminPage(`/console/experiments/${id}`);
  const details = await getRunDetails(id);
  if (!details) notFound();
  const { run, metrics, scores, answers, photoByCase } = details;
  const { histogram, missing } = priceErrorHistogram(scores);
  const caseIds = [...new Set(scores.map((score) => score.caseId))];

  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh active={run.status === "running"} />
      <div>
        <Link href="/console/experiments" className="text-sm underline">
          ← Experiments
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          {details.datasetName} v{details.datasetVersion} · <span className="font-mono">{run.modelId}</span>
        </h1>
        <p className="text-sm text-stone-600">
          Prompt{" "}
          {run.promptText === null ? (
            <Link href={`/console/prompts?id=${run.promptId}&v=${run.promptVersion}`} className="underline">
              {run.promptId}@{run.promptVersion}
            </Link>
          ) : (
            <>playground draft {details.draftName ?? "(deleted)"}</>
          )}{" "}
          ({run.promptHash}) · {(run.params as { trials: number }).trials} trial(s) · commit {run.gitCommit?.slice(0, 10) ?? "unknown"} · {run.status}
          {run.error && `: ${run.error}`}
        </p>
      </div>

      {run.promptText !== null && (
        <details className="rounded-xl bg-white p-4 shadow-sm">
          <summary className="cursor-pointer font-semibold">The draft&rsquo;s text, as run</summary>
          <pre className="mt-2 max-h-96 overflow-auto text-xs whitespace-pre-wrap" data-testid="run-prompt-text">
            {run.promptText}
          </pre>
        </details>
      )}

      {metrics && (
        <section aria-labelledby="metrics-heading" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="metrics-heading" className="mb-3 font-semibold">Aggregates</h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="run-metrics">
            {Object.entries(METRIC_LABELS).map(([key, label]) => (
              <div key={key}>
                <dt className="text-xs text-stone-500">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatMetric(key, (metrics as unknown as Record<string, number | null>)[key])}</dd>
              </div>
            ))}
            <div>
              <dt className="text-xs text-stone-500">Consistency across trials</dt>
              <dd className="text-lg font-semibold tabular-nums">{formatMetric("rate", metrics.categoryConsistency)}</dd>
            </div>
          </dl>
        </section>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="confusion-heading" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="confusion-heading" className="mb-3 font-semibold">Category confusion</h2>
          <ConfusionMatrix scores={scores} />
        </section>
        <section aria-labelledby="price-heading" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="price-heading" className="mb-1 font-semibold">Price error |ln(price / range midpoint)|</h2>
          <p className="mb-2 text-xs text-stone-500">{missing} answer(s) without a price.</p>
          <HistogramChart bins={histogram} label="Price error histogram" />
        </section>
      </div>

      <section aria-labelledby="cases-heading" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="cases-heading" className="mb-3 font-semibold">Cases</h2>
        <div className="overflow-x-auto">
          <DataTable
            columns={[
              {
                header: "Photo",
                cell: (caseId) => {
                  const storageKey = photoByCase.get(caseId);
                  return (
                    storageKey && (
                      // eslint-disable-next-line @next/next/no-img-element -- stored thumbnails are already small WebP
                      <img src={imageUrl(storageKey, "thumb")} alt={`Photo of case ${caseId}`} width={64} height={64} className="h-16 w-16 rounded object-cover" />
                    )
                  );
                },
              },
              {
                header: "Case",
                cell: (caseId) => (
                  <>
                    <span className="font-mono text-xs">{caseId}</span>
                    <Link
                      href={`/console/playground?dataset=${encodeURIComponent(`${details.datasetName}@${details.datasetVersion}`)}&case=${encodeURIComponent(caseId)}`}
                      className="mt-1 block text-xs underline"
                    >
                      Open in playground
                    </Link>
                  </>
                ),
              },
              { header: "Expected", cell: (caseId) => scores.find((score) => score.caseId === caseId)!.expectedCategory },
              {
                header: "Answers (per trial)",
                cell: (caseId) => (
                  <ul className="flex flex-col gap-1">
                    {scores
                      .filter((score) => score.caseId === caseId)
                      .map((score) => {
                        const answer = answers.find((candidate) => candidate.caseId === caseId && candidate.trial === score.trial);
                        return (
                          <li key={score.trial} className={score.categoryStrict ? "text-green-800" : score.categoryLenient ? "text-amber-800" : "text-red-800"}>
                            {score.valid ? (
                              <>
                                “{score.title}” · {score.abstained ? "abstained" : score.predictedCategory} · {score.predictedPrice === null ? "no price" : `€${score.predictedPrice}`}
                                {score.keywordHit ? " · keyword ✓" : ""}
                              </>
                            ) : (
                              <>no valid answer ({score.failureReason})</>
                            )}
                            {answer?.callId && <span className="ml-1 text-xs text-stone-400">{score.latencyMs} ms</span>}
                          </li>
                        );
                      })}
                  </ul>
                ),
              },
            ]}
            rows={caseIds}
            rowKey={(caseId) => caseId}
            rowTestId="case-row"
            rowProps={() => ({ className: "align-top" })}
            empty="No cases."
          />
        </div>
      </section>
    </div>
  );
}
