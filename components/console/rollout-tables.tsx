import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type Column } from "@/components/console/data-table";
import { PromoteVariantButton } from "@/components/console/rollout-forms";
import type { ExperimentWithVariants } from "@/lib/db/queries/rollouts";
import type { MetricResult, RolloutResults, VariantSummary } from "@/lib/rollout/results";
import type { VariantComparison } from "@/lib/rollout/statistics";
import { CONTROL_KEY } from "@/lib/rollout/variants";

// The two tables of a rollout's page: who gets which variant, and how each variant does.

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

function variantLabel(key: string): string {
  return key === CONTROL_KEY ? "A (control)" : key === "holdout" ? "Holdout" : key;
}

type Variant = ExperimentWithVariants["variants"][number];
/** A variant, or the holdout (no variant: sellers who get no pre-fill). */
type AssignmentRow = { key: string; variant: Variant | null; share: string };

export function RolloutVariantsTable({ experiment }: { experiment: ExperimentWithVariants }) {
  const candidates = experiment.variants.filter((variant) => variant.key !== CONTROL_KEY);
  const candidateShare = candidates.reduce((total, candidate) => total + candidate.share, 0);
  const rows: AssignmentRow[] = [
    ...experiment.variants.map((variant) => ({
      key: variant.key,
      variant,
      share:
        variant.key === CONTROL_KEY
          ? `${(Math.max(0, 1 - experiment.holdoutShare - candidateShare) * 100).toFixed(1)} % (the rest)`
          : `${(variant.share * 100).toFixed(1)} %${variant.cutReason ? " (cut by guard rail)" : ""}`,
    })),
    { key: "holdout", variant: null, share: `${(experiment.holdoutShare * 100).toFixed(1)} %` },
  ];
  const columns: Column<AssignmentRow>[] = [
    { header: "Variant", className: "font-medium", cell: (row) => variantLabel(row.key) },
    {
      header: "Prompt",
      cell: ({ variant }) =>
        variant ? (
          <Link href={`/console/prompts?id=${variant.promptId}&v=${variant.promptVersion}`} className="underline">
            {variant.promptId}@{variant.promptVersion}
          </Link>
        ) : (
          <span className="text-stone-500">no pre-fill</span>
        ),
    },
    { header: "Model", cell: ({ variant }) => (variant ? (variant.modelId ?? "configured model") : "") },
    { header: "Temperature", cell: ({ variant }) => (variant ? (variant.params.temperature ?? "default") : "") },
    { header: "Share of sellers", cell: (row) => <span data-testid={`share-${row.key}`}>{row.share}</span> },
    {
      header: "",
      cell: ({ variant }) => variant && experiment.status !== "stopped" && <PromoteVariantButton experimentId={experiment.id} variantKey={variant.key} />,
    },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(row) => row.key} empty="This experiment has no variants." testId="rollout-variants" label="Variants" />;
}

/** One row per metric, preceded by the counts; one column per variant (and the holdout, when it has sellers). */
type ResultRow = { id: string; label: string; cell: (variant: VariantSummary) => ReactNode; align?: "top" };

export function RolloutResultsTable({ results, variants }: { results: RolloutResults; variants: VariantSummary[] }) {
  const rows: ResultRow[] = [
    {
      id: "counts",
      label: "Sellers · requests · calls",
      cell: (variant) => (
        <span data-testid={`sellers-${variant.key}`}>
          {variant.sellers} · {variant.requests} · {variant.calls}
        </span>
      ),
    },
    ...results.metrics.map(
      (metric): ResultRow => ({
        id: metric.id,
        label: metric.label,
        align: "top",
        cell: (variant) => (
          <>
            {metric.id === "costPerPublished" && variant.unknownCost ? "unknown" : formatValue(metric.values[variant.key] ?? null, metric.format)}
            <Comparison comparison={metric.comparisons[variant.key]} format={metric.format} />
          </>
        ),
      }),
    ),
  ];
  const columns: Column<ResultRow>[] = [
    { header: "Metric", cell: (row) => row.label },
    ...variants.map((variant): Column<ResultRow> => ({ header: variantLabel(variant.key), cell: (row) => row.cell(variant) })),
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      rowProps={(row) => ({ className: row.align === "top" ? "align-top" : undefined, "data-testid": `metric-${row.id}` })}
      empty="No results yet."
      testId="rollout-results"
      label="Results"
    />
  );
}
