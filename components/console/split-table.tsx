import Link from "next/link";
import { DataTable, type Column } from "@/components/console/data-table";
import { formatMs, formatNumber, formatRate, formatUsd } from "@/lib/monitoring/format";
import type { Metrics } from "@/lib/monitoring/metrics";
import { SPLITS } from "@/lib/monitoring/ranges";
import type { MonitoringReport } from "@/lib/monitoring/report";
import { findBreaches, type Breach, type Thresholds } from "@/lib/monitoring/thresholds";

/** The Monitoring page's table: one row per model or prompt version, then all calls; figures past a threshold in red. */
const TABLE_COLUMNS: { label: string; value: (metrics: Metrics) => string; breach?: Breach["metric"] }[] = [
  { label: "Calls", value: (m) => formatNumber(m.calls) },
  { label: "Errors", value: (m) => formatRate(m.errorRate), breach: "errorRate" },
  { label: "Invalid", value: (m) => formatRate(m.invalidRate), breach: "invalidRate" },
  { label: "Empty req.", value: (m) => formatRate(m.emptyRequiredShare) },
  { label: "p50", value: (m) => formatMs(m.latencyP50Ms) },
  { label: "p95", value: (m) => formatMs(m.latencyP95Ms), breach: "latencyP95Ms" },
  { label: "Tokens/call", value: (m) => formatNumber(m.tokensPerCall) },
  { label: "Cost/call", value: (m) => formatUsd(m.costPerCallUsd) },
  { label: "Cost/listing", value: (m) => formatUsd(m.costPerPublishedUsd) },
  { label: "Thumbs up", value: (m) => formatRate(m.thumbsUpRate) },
  { label: "Published", value: (m) => formatRate(m.publishRate) },
  { label: "Abandoned", value: (m) => formatRate(m.abandonedRate) },
  { label: "Title kept", value: (m) => formatRate(m.keepRate.title) },
  { label: "Price kept", value: (m) => formatRate(m.keepRate.price) },
];

type SplitRow = { key: string; metrics: Metrics; total: boolean; breached: Set<Breach["metric"]> };

export function SplitTable({ report, thresholds }: { report: MonitoringReport; thresholds: Thresholds }) {
  const rows: SplitRow[] = [...report.groups.map((group) => ({ key: group.key, metrics: group.metrics, total: false })), { key: "All", metrics: report.overall, total: true }].map(
    (row) => ({ ...row, breached: new Set(findBreaches(row.metrics, thresholds).map((breach) => breach.metric)) }),
  );
  const columns: Column<SplitRow>[] = [
    {
      header: SPLITS[report.split],
      className: "whitespace-nowrap",
      cell: (row) =>
        row.total ? (
          "All"
        ) : report.split === "model" ? (
          <Link href={`/console/calls?model=${encodeURIComponent(row.key)}`} className="font-mono text-xs underline">
            {row.key}
          </Link>
        ) : (
          <span className="font-mono text-xs">{row.key}</span>
        ),
    },
    ...TABLE_COLUMNS.map(
      (column): Column<SplitRow> => ({
        header: column.label,
        numeric: true,
        className: "whitespace-nowrap",
        cell: (row) => {
          const alarm = column.breach !== undefined && row.breached.has(column.breach);
          return (
            <span className={alarm ? "font-semibold text-red-700" : undefined} data-column={column.label}>
              {column.value(row.metrics)}
            </span>
          );
        },
      }),
    ),
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.key}
      rowTestId="split-row"
      rowProps={(row) => ({ className: row.total ? "font-medium" : undefined, "data-key": row.key })}
      empty="No calls in this range."
    />
  );
}
