import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
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
        <DataTable
          columns={[
            { header: "Metric", cell: (delta) => METRIC_LABELS[delta.key] },
            { header: "A", cell: (delta) => formatMetric(delta.key, delta.a), numeric: true },
            { header: "B", cell: (delta) => formatMetric(delta.key, delta.b), numeric: true },
            { header: "B − A", cell: (delta) => formatDelta(delta.key, delta.delta), numeric: true },
          ]}
          rows={comparison.deltas}
          rowKey={(delta) => delta.key}
          testId="metric-deltas"
          empty="No metrics."
        />
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="cases-heading">
        <h2 id="cases-heading" className="mb-3 font-semibold">Cases, regressions first</h2>
        <div className="overflow-x-auto">
          <DataTable
            columns={[
              {
                header: "Photo",
                cell: (row) => {
                  const storageKey = b.photoByCase.get(row.caseId) ?? a.photoByCase.get(row.caseId);
                  return (
                    storageKey && (
                      // eslint-disable-next-line @next/next/no-img-element -- stored thumbnails are already small WebP
                      <img src={imageUrl(storageKey, "thumb")} alt={`Photo of case ${row.caseId}`} width={56} height={56} className="h-14 w-14 rounded object-cover" />
                    )
                  );
                },
              },
              { header: "Case", cell: (row) => row.caseId, className: "font-mono text-xs" },
              {
                header: "Change",
                cell: (row) => (
                  <span className={row.change === "regression" ? "font-semibold text-red-700" : row.change === "improvement" ? "font-semibold text-green-800" : ""}>{CHANGE_LABELS[row.change]}</span>
                ),
              },
              { header: "Expected", cell: (row) => row.a[0].expectedCategory },
              { header: "A answered", cell: (row) => describe(row.a) },
              { header: "B answered", cell: (row) => describe(row.b) },
            ]}
            rows={comparison.rows}
            rowKey={(row) => row.caseId}
            rowTestId="compare-row"
            rowProps={() => ({ className: "align-top" })}
            empty="No cases in common."
          />
        </div>
      </section>
    </div>
  );
}
