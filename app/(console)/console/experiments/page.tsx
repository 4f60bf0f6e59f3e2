import type { Metadata } from "next";
import { DataTable, type Column } from "@/components/console/data-table";
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
const METRIC_COLUMNS = {
  categoryAccuracy: "Strict",
  categoryAccuracyLenient: "Lenient",
  confidentWrongRate: "Conf. wrong",
  keywordHitRate: "Keyword",
  priceInRangeRate: "Price ok",
  latencyP50Ms: "p50",
} as const;

type RunRow = Awaited<ReturnType<typeof listEvalRuns>>[number];
const metricsOf = ({ run }: RunRow) => run.metrics as (EvalMetrics & Record<string, number>) | null;

// Radio buttons pick the two runs the form compares; only finished runs can be picked.
function pick(side: "a" | "b") {
  return function PickRun({ run }: RunRow) {
    return <input type="radio" name={side} value={run.id} aria-label={`Compare as ${side.toUpperCase()}: run of ${dateTime.format(run.createdAt)}`} disabled={run.status !== "done"} />;
  };
}

const RUN_COLUMNS: Column<RunRow>[] = [
  { header: "A", cell: pick("a") },
  { header: "B", cell: pick("b") },
  { header: "Started", cell: ({ run }) => dateTime.format(run.createdAt), link: true },
  { header: "Dataset", cell: ({ datasetName, datasetVersion }) => `${datasetName} v${datasetVersion}` },
  { header: "Model", cell: ({ run }) => run.modelId, className: "font-mono text-xs" },
  { header: "Prompt", cell: (row) => promptLabel(row) },
  { header: "Status", cell: ({ run }) => <span data-testid="run-status">{run.status === "failed" ? `failed: ${run.error}` : run.status}</span> },
  ...Object.entries(METRIC_COLUMNS).map(([key, header]): Column<RunRow> => ({
    header,
    numeric: true,
    cell: (row) => {
      const metrics = metricsOf(row);
      return metrics ? formatMetric(key, metrics[key]) : "…";
    },
  })),
];

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
            <DataTable columns={RUN_COLUMNS} rows={runs} rowKey={({ run }) => run.id} rowHref={({ run }) => `/console/experiments/${run.id}`} rowTestId="run-row" empty="No runs yet." />
            <button type="submit" className="mt-3 rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium">
              Compare A with B
            </button>
          </form>
        )}
      </section>
    </div>
  );
}

/** A published version by its ref; a playground draft by its name (or "deleted") and text hash. */
function promptLabel({ run, draftName }: RunRow): string {
  if (run.promptText === null) return `${run.promptId}@${run.promptVersion}`;
  return `draft ${draftName ?? "(deleted)"} (${run.promptHash})`;
}
