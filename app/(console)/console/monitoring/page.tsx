import type { Metadata } from "next";
import Link from "next/link";
import { CallsChart, KeepRateChart, LatencyChart, RatesChart, type ChartPoint } from "@/components/console/monitoring-charts";
import { SplitTable } from "@/components/console/split-table";
import { ThresholdsForm } from "@/components/console/thresholds-form";
import { requireAdminPage } from "@/lib/auth/admin";
import { formatMs, formatNumber, formatRate, formatUsd } from "@/lib/monitoring/format";
import { monitoringParamsSchema, RANGE_KEYS, RANGES, SPLITS, type MonitoringParams, type SplitKey } from "@/lib/monitoring/ranges";
import { getMonitoringReport, type MonitoringReport } from "@/lib/monitoring/report";
import { findBreaches, getThresholds, type Breach } from "@/lib/monitoring/thresholds";
import { COMPARED_FIELDS } from "@/lib/db/json-columns";

export const metadata: Metadata = { title: "Monitoring" };

const card = "rounded-xl bg-white p-4 shadow-sm";

export default async function MonitoringPage({ searchParams }: PageProps<"/console/monitoring">) {
  await requireAdminPage("/console/monitoring");
  const params = monitoringParamsSchema.parse(await searchParams);
  const [report, thresholds] = await Promise.all([getMonitoringReport(params), getThresholds()]);
  const { overall, groups } = report;
  const overallBreaches = findBreaches(overall, thresholds);
  const groupBreaches = groups.flatMap((group) => findBreaches(group.metrics, thresholds).map((breach) => ({ ...breach, group: group.key })));
  const points = chartPoints(report);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Monitoring</h1>
          <p className="text-sm text-stone-600">
            Live pre-fill calls (evaluation runs are left out{params.synthetic ? "; synthetic calls from seed:calls included" : ", and so are synthetic calls from seed:calls"}).
            Times are UTC.
          </p>
        </div>
        <div className="flex flex-col gap-2 text-sm">
          <Choices label="Time range" options={RANGE_KEYS.map((range) => ({ key: range, label: RANGES[range].label, href: hrefFor({ ...params, range }) }))} current={params.range} />
          <Choices label="Split by" options={(Object.keys(SPLITS) as SplitKey[]).map((split) => ({ key: split, label: SPLITS[split], href: hrefFor({ ...params, split }) }))} current={params.split} />
          <Choices
            label="Synthetic calls"
            options={[
              { key: "hide", label: "Hidden", href: hrefFor({ ...params, synthetic: undefined }) },
              { key: "include", label: "Included", href: hrefFor({ ...params, synthetic: "include" }) },
            ]}
            current={params.synthetic ?? "hide"}
          />
        </div>
      </div>

      <section aria-label="Alerts" data-testid="alerts">
        {overallBreaches.length + groupBreaches.length === 0 ? (
          <p className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900">Every metric is within its threshold.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {[...overallBreaches.map((breach) => ({ ...breach, group: null })), ...groupBreaches].map((breach) => (
              <li key={`${breach.group}-${breach.metric}`} className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800 ring-1 ring-red-200" data-testid="alert">
                {breach.group ? `${breach.group}: ` : "All calls: "}
                {breach.label} {formatBreachValue(breach)} is above the threshold of {formatBreachLimit(breach)}.
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="headline-heading" className={card}>
        <h2 id="headline-heading" className="mb-3 font-semibold">
          {RANGES[params.range].label}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" data-testid="headline">
          <Figure label="Calls" value={formatNumber(overall.calls)} testId="figure-calls" />
          <Figure label="Error rate" value={formatRate(overall.errorRate)} alarm={isBreached(overallBreaches, "errorRate")} testId="figure-error-rate" />
          <Figure label="Invalid output" value={formatRate(overall.invalidRate)} alarm={isBreached(overallBreaches, "invalidRate")} testId="figure-invalid-rate" />
          <Figure label="Required fields left empty" value={formatRate(overall.emptyRequiredShare)} />
          <Figure label="p50 latency" value={formatMs(overall.latencyP50Ms)} />
          <Figure label="p95 latency" value={formatMs(overall.latencyP95Ms)} alarm={isBreached(overallBreaches, "latencyP95Ms")} testId="figure-p95" />
          <Figure label="First field (mean)" value={formatMs(overall.firstFieldMeanMs)} />
          <Figure label="Tokens per call" value={formatNumber(overall.tokensPerCall)} />
          <Figure label="Cost per call" value={formatUsd(overall.costPerCallUsd)} note={overall.costUnknownCalls > 0 ? `unknown for ${formatNumber(overall.costUnknownCalls)} calls` : undefined} />
          <Figure label="Published listings" value={formatNumber(overall.published)} />
          <Figure label="Tokens per published listing" value={formatNumber(overall.tokensPerPublished)} />
          <Figure label="Cost per published listing" value={formatUsd(overall.costPerPublishedUsd)} />
          <Figure label="Thumbs up" value={formatRate(overall.thumbsUpRate)} note={`of ${formatNumber(overall.ratedCalls)} rated`} />
          <Figure label="Abandoned" value={formatRate(overall.abandonedRate)} note="answered, no listing within a day" />
        </dl>
      </section>

      <div className="flex flex-col gap-6">
        <section aria-labelledby="calls-heading" className={card}>
          <h2 id="calls-heading" className="mb-2 font-semibold">
            Calls over time by {SPLITS[params.split].toLowerCase()}
          </h2>
          <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
            <CallsChart points={points} splitKeys={groups.map((group) => group.key)} />
            <dl className="flex flex-col gap-1 text-sm">
              {groups.map((group) => (
                <div key={group.key} className="flex justify-between gap-2">
                  <dt className="truncate font-mono text-xs">{group.key}</dt>
                  <dd className="tabular-nums">{formatNumber(group.metrics.calls)}</dd>
                </div>
              ))}
              <div className="flex justify-between gap-2 border-t border-stone-100 pt-1 font-medium">
                <dt>All</dt>
                <dd className="tabular-nums">{formatNumber(overall.calls)}</dd>
              </div>
            </dl>
          </div>
        </section>
        <section aria-labelledby="rates-heading" className={card}>
          <h2 id="rates-heading" className="mb-2 font-semibold">Errors and invalid output</h2>
          <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
            <RatesChart points={points} maxErrorRate={thresholds.maxErrorRate} maxInvalidRate={thresholds.maxInvalidRate} />
            <SideFigures
              rows={[
                ["Error rate", formatRate(overall.errorRate), isBreached(overallBreaches, "errorRate")],
                ["threshold", formatRate(thresholds.maxErrorRate), false],
                ["Invalid-output rate", formatRate(overall.invalidRate), isBreached(overallBreaches, "invalidRate")],
                ["threshold", formatRate(thresholds.maxInvalidRate), false],
              ]}
            />
          </div>
        </section>
        <section aria-labelledby="latency-heading" className={card}>
          <h2 id="latency-heading" className="mb-2 font-semibold">Latency</h2>
          <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
            <LatencyChart points={points} maxP95LatencyMs={thresholds.maxP95LatencyMs} />
            <SideFigures
              rows={[
                ["p50", formatMs(overall.latencyP50Ms), false],
                ["p95", formatMs(overall.latencyP95Ms), isBreached(overallBreaches, "latencyP95Ms")],
                ["threshold", formatMs(thresholds.maxP95LatencyMs), false],
                ["first field (mean)", formatMs(overall.firstFieldMeanMs), false],
              ]}
              note="Percentiles are read from latency histograms with 10% wide bins: within ±5%."
            />
          </div>
        </section>
      </div>

      <section aria-labelledby="split-heading" className={card}>
        <h2 id="split-heading" className="mb-3 font-semibold">
          By {SPLITS[params.split].toLowerCase()}
        </h2>
        <SplitTable report={report} thresholds={thresholds} />
      </section>

      <section aria-labelledby="edits-heading" className={card}>
        <h2 id="edits-heading" className="mb-1 font-semibold">What sellers kept</h2>
        <p className="mb-3 text-sm text-stone-600">
          Of {formatNumber(overall.published)} listings published from a suggestion: each field as suggested, how far the title and description were edited
          (normalised edit distance, 0 = untouched), how often the category changed, and the mean |ln(published price / suggested price)|.
        </p>
        <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
          <KeepRateChart rates={COMPARED_FIELDS.map((field) => ({ field, rate: overall.keepRate[field] }))} />
          <SideFigures
            rows={[
              ...COMPARED_FIELDS.map((field): [string, string, boolean] => [`${field} kept`, formatRate(overall.keepRate[field]), false]),
              ["title edit distance", formatNumber(overall.titleEditDistance, 3), false],
              ["description edit distance", formatNumber(overall.descriptionEditDistance, 3), false],
              ["category changed", formatRate(overall.categoryChangeRate), false],
              ["price error |ln ratio|", formatNumber(overall.meanPriceLogError, 3), false],
            ]}
          />
        </div>
      </section>

      <section aria-labelledby="thresholds-heading" className={card}>
        <h2 id="thresholds-heading" className="mb-3 font-semibold">Thresholds</h2>
        <ThresholdsForm thresholds={thresholds} />
      </section>
    </div>
  );
}

function hrefFor(params: MonitoringParams): string {
  return `/console/monitoring?range=${params.range}&split=${params.split}${params.synthetic ? `&synthetic=${params.synthetic}` : ""}`;
}

function Choices({ label, options, current }: { label: string; options: { key: string; label: string; href: string }[]; current: string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-1">
      <span className="mr-1 text-stone-500">{label}:</span>
      {options.map((option) => (
        <Link
          key={option.key}
          href={option.href}
          aria-current={option.key === current ? "page" : undefined}
          className="rounded-full border border-stone-300 px-3 py-0.5 aria-[current=page]:border-stone-900 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white"
        >
          {option.label}
        </Link>
      ))}
    </nav>
  );
}

function Figure({ label, value, alarm = false, note, testId }: { label: string; value: string; alarm?: boolean; note?: string; testId?: string }) {
  return (
    <div data-testid={testId} data-alarm={alarm || undefined}>
      <dt className="text-xs text-stone-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${alarm ? "text-red-700" : ""}`}>
        {value}
        {alarm && <span className="sr-only"> (above threshold)</span>}
      </dd>
      {note && <dd className="text-xs text-stone-500">{note}</dd>}
    </div>
  );
}

function SideFigures({ rows, note }: { rows: [string, string, boolean][]; note?: string }) {
  return (
    <div className="text-sm">
      <dl className="flex flex-col gap-1">
        {rows.map(([label, value, alarm], index) => (
          <div key={`${label}-${index}`} className="flex justify-between gap-2">
            <dt className={label === "threshold" ? "pl-3 text-stone-500" : ""}>{label}</dt>
            <dd className={`tabular-nums ${alarm ? "font-semibold text-red-700" : ""}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {note && <p className="mt-2 text-xs text-stone-500">{note}</p>}
    </div>
  );
}

function isBreached(breaches: Breach[], metric: Breach["metric"]): boolean {
  return breaches.some((breach) => breach.metric === metric);
}

function formatBreachValue(breach: Breach): string {
  return breach.metric === "latencyP95Ms" ? formatMs(breach.value) : formatRate(breach.value);
}

function formatBreachLimit(breach: Breach): string {
  return breach.metric === "latencyP95Ms" ? formatMs(breach.limit) : formatRate(breach.limit);
}

const LABEL_FORMATS = {
  time: new Intl.DateTimeFormat("en-IE", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }),
  dayTime: new Intl.DateTimeFormat("en-IE", { weekday: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }),
  day: new Intl.DateTimeFormat("en-IE", { day: "numeric", month: "short", timeZone: "UTC" }),
};

function chartPoints(report: MonitoringReport): ChartPoint[] {
  const format = report.window.bucketMinutes < 360 ? LABEL_FORMATS.time : report.window.bucketMinutes < 1440 ? LABEL_FORMATS.dayTime : LABEL_FORMATS.day;
  return report.series.map(({ bucket, ...point }) => ({ ...point, label: format.format(new Date(bucket)) }));
}
