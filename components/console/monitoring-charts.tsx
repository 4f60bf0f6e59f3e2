"use client";

import type { SeriesPoint } from "@/lib/monitoring/report";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// The Monitoring page's charts. The page passes plain numbers and labels written on the server
// (UTC), so the charts render the same figures the tables beside them show.

/** A bucket of the report, labelled for the axis. */
export type ChartPoint = Omit<SeriesPoint, "bucket"> & { label: string };

const COLOURS = ["#0f766e", "#b45309", "#4338ca", "#be123c", "#15803d", "#7c3aed", "#0369a1", "#a16207"];
const AXIS_TICK = { fontSize: 11 };
const percent = (value: unknown) => (typeof value === "number" ? `${(value * 100).toFixed(1)}%` : "–");
const seconds = (value: unknown) => (typeof value === "number" ? `${(value / 1000).toFixed(2)} s` : "–");

function Frame({ label, children }: { label: string; children: React.ReactElement }) {
  return (
    <figure aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

/** Calls per bucket, stacked by model or prompt version. */
export function CallsChart({ points, splitKeys }: { points: ChartPoint[]; splitKeys: string[] }) {
  return (
    <Frame label="Calls over time">
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={12} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} width={44} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {splitKeys.map((key, index) => (
          // A function rather than a path: model ids contain dots, which a dataKey path would split on.
          <Bar key={key} name={key} dataKey={(point: ChartPoint) => point.bySplit[key] ?? 0} stackId="calls" fill={COLOURS[index % COLOURS.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </Frame>
  );
}

/** Error and invalid-output rates per bucket, with their thresholds. */
export function RatesChart({ points, maxErrorRate, maxInvalidRate }: { points: ChartPoint[]; maxErrorRate: number; maxInvalidRate: number }) {
  return (
    <Frame label="Error and invalid-output rates over time">
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={12} />
        <YAxis tickFormatter={percent} tick={AXIS_TICK} width={48} />
        <Tooltip formatter={(value) => percent(value)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine y={maxErrorRate} stroke="#b91c1c" strokeDasharray="4 4" ifOverflow="extendDomain" label={{ value: "error limit", fontSize: 10, fill: "#b91c1c", position: "insideTopRight" }} />
        {maxInvalidRate !== maxErrorRate && <ReferenceLine y={maxInvalidRate} stroke="#c2410c" strokeDasharray="2 4" ifOverflow="extendDomain" />}
        <Line name="Error rate" dataKey="errorRate" stroke="#b91c1c" dot={false} connectNulls isAnimationActive={false} />
        <Line name="Invalid-output rate" dataKey="invalidRate" stroke="#c2410c" dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
    </Frame>
  );
}

/** p50 and p95 latency per bucket, with the p95 threshold. */
export function LatencyChart({ points, maxP95LatencyMs }: { points: ChartPoint[]; maxP95LatencyMs: number }) {
  return (
    <Frame label="Latency over time">
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={12} />
        <YAxis tickFormatter={seconds} tick={AXIS_TICK} width={52} />
        <Tooltip formatter={(value) => seconds(value)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine y={maxP95LatencyMs} stroke="#b91c1c" strokeDasharray="4 4" ifOverflow="extendDomain" label={{ value: "p95 limit", fontSize: 10, fill: "#b91c1c", position: "insideTopRight" }} />
        <Line name="p50" dataKey="latencyP50Ms" stroke="#0f766e" dot={false} connectNulls isAnimationActive={false} />
        <Line name="p95" dataKey="latencyP95Ms" stroke="#4338ca" dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
    </Frame>
  );
}

/** How often sellers publish each field as suggested. */
export function KeepRateChart({ rates }: { rates: { field: string; rate: number | null }[] }) {
  return (
    <Frame label="Fields kept unchanged">
      <BarChart data={rates} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 1]} tickFormatter={percent} tick={AXIS_TICK} />
        <YAxis type="category" dataKey="field" tick={AXIS_TICK} width={80} />
        <Tooltip formatter={(value) => percent(value)} />
        <Bar name="Kept unchanged" dataKey="rate" fill="#0f766e" isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}
