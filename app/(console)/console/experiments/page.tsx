import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/console/auto-refresh";
import { StartRunForm } from "@/components/console/start-run-form";
import { getLiveConfig } from "@/lib/ai/live-prompt";
import { resolveModelConfig } from "@/lib/ai/models";
import { listPromptVersions } from "@/lib/ai/prompts";
import { requireAdminPage } from "@/lib/auth/admin";
import { listDatasets } from "@/lib/db/queries/eval-datasets";
import { listEvalRuns } from "@/lib/db/queries/eval-runs";
import { env } from "@/lib/env";
import type { EvalMetrics } from "@/lib/evals/metrics";
import { formatMetric } from "@/lib/evals/report";

export const metadata: Metadata = { title: "Experiments" };

const dateTime = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short" });
const COLUMNS = ["categoryAccuracy", "categoryAccuracyLenient", "confidentWrongRate", "keywordHitRate", "priceInRangeRate", "latencyP50Ms"] as const;

export default async function ExperimentsPage() {
  await requireAdminPage("/console/experiments");
  const [runs, datasets, live] = await Promise.all([listEvalRuns(), listDatasets(), getLiveConfig("listing-prefill")]);
  const configured = resolveModelConfig(env);
  const defaultModel = live.modelId ?? (configured.ok ? configured.config.id : "");
  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh active={runs.some(({ run }) => run.status === "running")} />
      <h1 className="text-2xl font-semibold">Experiments</h1>
      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="start-heading">
        <h2 id="start-heading" className="mb-3 font-semibold">Run an experiment</h2>
        <StartRunForm
          datasets={[...new Set(datasets.map((dataset) => dataset.name))]}
          prompts={listPromptVersions().map((prompt) => `${prompt.id}@${prompt.version}`)}
          livePrompt={`${live.prompt.id}@${live.prompt.version}`}
          defaultModel={defaultModel}
        />
      </section>
      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="runs-heading">
        <h2 id="runs-heading" className="mb-1 font-semibold">Runs</h2>
        <p className="mb-3 text-sm text-stone-600">Pick a run as A and another on the same dataset as B to compare them.</p>
        {runs.length === 0 ? (
          <p className="text-sm text-stone-600" data-testid="no-runs">No runs yet.</p>
        ) : (
          <form action="/console/experiments/compare" method="get">
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-stone-500">
                  <tr>
                    <th className="px-1">A</th>
                    <th className="px-1">B</th>
                    <th>Started</th>
                    <th>Dataset</th>
                    <th>Model</th>
                    <th>Prompt</th>
                    <th>Status</th>
                    {COLUMNS.map((key) => (
                      <th key={key} className="text-right">
                        {key === "categoryAccuracy" ? "Strict" : key === "categoryAccuracyLenient" ? "Lenient" : key === "confidentWrongRate" ? "Conf. wrong" : key === "keywordHitRate" ? "Keyword" : key === "priceInRangeRate" ? "Price ok" : "p50"}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {runs.map(({ run, datasetName, datasetVersion }) => {
                    const metrics = run.metrics as (EvalMetrics & Record<string, number>) | null;
                    return (
                      <tr key={run.id} className="border-t border-stone-100" data-testid="run-row">
                        <td className="px-1">
                          <input type="radio" name="a" value={run.id} aria-label={`Compare as A: run of ${dateTime.format(run.createdAt)}`} disabled={run.status !== "done"} />
                        </td>
                        <td className="px-1">
                          <input type="radio" name="b" value={run.id} aria-label={`Compare as B: run of ${dateTime.format(run.createdAt)}`} disabled={run.status !== "done"} />
                        </td>
                        <td className="py-1.5">
                          <Link href={`/console/experiments/${run.id}`} className="underline">
                            {dateTime.format(run.createdAt)}
                          </Link>
                        </td>
                        <td>
                          {datasetName} v{datasetVersion}
                        </td>
                        <td className="font-mono text-xs">{run.modelId}</td>
                        <td>
                          {run.promptId}@{run.promptVersion}
                        </td>
                        <td data-testid="run-status">{run.status === "failed" ? `failed: ${run.error}` : run.status}</td>
                        {COLUMNS.map((key) => (
                          <td key={key} className="text-right tabular-nums">
                            {metrics ? formatMetric(key, metrics[key]) : "…"}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <button type="submit" className="mt-3 rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium">
              Compare A with B
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
