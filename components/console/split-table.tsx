import Link from "next/link";
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

export function SplitTable({ report, thresholds }: { report: MonitoringReport; thresholds: Thresholds }) {
  const rows = [...report.groups.map((group) => ({ key: group.key, metrics: group.metrics, total: false })), { key: "All", metrics: report.overall, total: true }];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-stone-500">
          <tr>
            <th className="py-1">{SPLITS[report.split]}</th>
            {TABLE_COLUMNS.map((column) => (
              <th key={column.label} className="px-2 text-right font-normal">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const breached = new Set(findBreaches(row.metrics, thresholds).map((breach) => breach.metric));
            return (
              <tr key={row.key} className={`border-t border-stone-100 ${row.total ? "font-medium" : ""}`} data-testid="split-row" data-key={row.key}>
                <td className={`py-1.5 whitespace-nowrap ${row.total ? "" : "font-mono text-xs"}`}>
                  {row.total ? (
                    "All"
                  ) : report.split === "model" ? (
                    <Link href={`/console/calls?model=${encodeURIComponent(row.key)}`} className="underline">
                      {row.key}
                    </Link>
                  ) : (
                    row.key
                  )}
                </td>
                {TABLE_COLUMNS.map((column) => {
                  const alarm = column.breach !== undefined && breached.has(column.breach);
                  return (
                    <td key={column.label} className={`px-2 text-right whitespace-nowrap tabular-nums ${alarm ? "font-semibold text-red-700" : ""}`} data-column={column.label}>
                      {column.value(row.metrics)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
