import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/lib/auth/admin";
import { imageUrl } from "@/lib/images";
import { compareRuns } from "@/lib/evals/compare";
import { formatDelta, formatMetric, METRIC_LABELS } from "@/lib/evals/report";
import { getRunDetails } from "@/lib/evals/run-details";
import type { CaseScore } from "@/lib/evals/scorers";

export const metadata: Metadata = { title: "Compare runs" };

const CHANGE_LABELS = { regression: "Regression", improvement: "Improvement", "same-right": "Right in both", "same-wrong": "Wrong in both" } as const;

function describe(scores: CaseScore[]) {
  return scores
    .map((score) => (score.valid ? `${score.abstained ? "abstained" : score.predictedCategory} “${score.title}”` : `invalid (${score.failureReason})`))
    .join(" / ");
}

export default async function ComparePage({ searchParams }: PageProps<"/console/experiments/compare">) {
  await requireAdminPage("/console/experiments");
  const params = await searchParams;
  const [a, b] = await Promise.all([getRunDetails(String(params.a ?? "")), getRunDetails(String(params.b ?? ""))]);
  if (!a || !b || !a.metrics || !b.metrics) {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold">Compare runs</h1>
        <p role="alert">Choose two finished runs as A and B on the experiments page.</p>
        <Link href="/console/experiments" className="underline">
          ← Experiments
        </Link>
      </div>
    );
  }
  const comparison = compareRuns({ metrics: a.metrics, scores: a.scores }, { metrics: b.metrics, scores: b.scores });
  const sameVersion = a.run.datasetVersionId === b.run.datasetVersionId;
  const { paired } = comparison;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/console/experiments" className="text-sm underline">
          ← Experiments
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">Compare runs</h1>
        <p className="text-sm text-stone-600">
          A: <span className="font-mono">{a.run.modelId}</span> {a.run.promptId}@{a.run.promptVersion} on {a.datasetName} v{a.datasetVersion} · B:{" "}
          <span className="font-mono">{b.run.modelId}</span> {b.run.promptId}@{b.run.promptVersion} on {b.datasetName} v{b.datasetVersion}
        </p>
        {!sameVersion && <p className="text-sm text-amber-800">The runs used different dataset versions: only the {comparison.sharedCases} cases both ran are compared case by case.</p>}
      </div>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="verdict-heading">
        <h2 id="verdict-heading" className="mb-2 font-semibold">Is B better than A on category?</h2>
        <p data-testid="paired-verdict" className="text-lg">
          {paired.verdict === "better" ? "B is better" : paired.verdict === "worse" ? "B is worse" : "No clear difference"}
        </p>
        <p className="text-sm text-stone-600">
          Over {comparison.sharedCases} cases: {paired.onlyB} right only in B, {paired.onlyA} right only in A. Accuracy difference {formatDelta("rate", paired.difference.estimate)} (95% paired-bootstrap interval{" "}
          {formatDelta("rate", paired.difference.low)} to {formatDelta("rate", paired.difference.high)}); exact McNemar p = {paired.pValue.toFixed(3)}.
        </p>
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="deltas-heading">
        <h2 id="deltas-heading" className="mb-3 font-semibold">Aggregates</h2>
        <table className="text-sm" data-testid="metric-deltas">
          <thead className="text-stone-500">
            <tr>
              <th className="pr-6 text-left">Metric</th>
              <th className="pr-6 text-right">A</th>
              <th className="pr-6 text-right">B</th>
              <th className="text-right">B − A</th>
            </tr>
          </thead>
          <tbody>
            {comparison.deltas.map((delta) => (
              <tr key={delta.key} className="border-t border-stone-100">
                <td className="py-1 pr-6">{METRIC_LABELS[delta.key]}</td>
                <td className="pr-6 text-right tabular-nums">{formatMetric(delta.key, delta.a)}</td>
                <td className="pr-6 text-right tabular-nums">{formatMetric(delta.key, delta.b)}</td>
                <td className="text-right tabular-nums">{formatDelta(delta.key, delta.delta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="cases-heading">
        <h2 id="cases-heading" className="mb-3 font-semibold">Cases, regressions first</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-stone-500">
              <tr>
                <th>Photo</th>
                <th>Case</th>
                <th>Change</th>
                <th>Expected</th>
                <th>A answered</th>
                <th>B answered</th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((row) => {
                const storageKey = b.photoByCase.get(row.caseId) ?? a.photoByCase.get(row.caseId);
                return (
                  <tr key={row.caseId} className="border-t border-stone-100 align-top" data-testid="compare-row">
                    <td className="py-2 pr-2">
                      {storageKey && (
                        // eslint-disable-next-line @next/next/no-img-element -- stored thumbnails are already small WebP
                        <img src={imageUrl(storageKey, "thumb")} alt={`Photo of case ${row.caseId}`} width={56} height={56} className="h-14 w-14 rounded object-cover" />
                      )}
                    </td>
                    <td className="pr-2 font-mono text-xs">{row.caseId}</td>
                    <td className={`pr-2 ${row.change === "regression" ? "font-semibold text-red-700" : row.change === "improvement" ? "font-semibold text-green-800" : ""}`}>
                      {CHANGE_LABELS[row.change]}
                    </td>
                    <td className="pr-2">{row.a[0].expectedCategory}</td>
                    <td className="pr-2">{describe(row.a)}</td>
                    <td>{describe(row.b)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
