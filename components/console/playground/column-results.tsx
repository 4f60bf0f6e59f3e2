"use client";

import type { DeepPartial } from "ai";
import Link from "next/link";
import type { ListingSuggestion } from "@/lib/ai/output-schema";
import { COMPARED_FIELDS } from "@/lib/db/json-columns";
import { formValuesOf } from "@/lib/playground/compare-columns";
import type { PlaygroundLine } from "@/lib/playground/playground-lines";

/** One column's run as it stands: waiting, streaming, answered or failed. */
export type ColumnState =
  | { status: "idle" }
  | { status: "running"; partial: DeepPartial<ListingSuggestion> | null }
  | { status: "done"; line: Extract<PlaygroundLine, { type: "done" }> }
  | { status: "failed"; line: Extract<PlaygroundLine, { type: "failed" }> };

/** The answer a column shows: the growing one while it runs, the final one once done. */
export function answerOf(state: ColumnState): DeepPartial<ListingSuggestion> | null {
  if (state.status === "running") return state.partial;
  return state.status === "done" ? state.line.suggestion : null;
}

const usd = new Intl.NumberFormat("en-IE", { style: "currency", currency: "USD", maximumSignificantDigits: 3 });
export const FIELD_LABELS: Record<(typeof COMPARED_FIELDS)[number], string> = {
  title: "Title",
  description: "Description",
  category: "Category",
  condition: "Condition",
  price: "Price (EUR)",
  brand: "Brand",
  colour: "Colour",
  material: "Material",
  size: "Size",
};
const CONFIDENCE_FIELD: Partial<Record<(typeof COMPARED_FIELDS)[number], "title" | "category" | "condition" | "price">> = {
  title: "title",
  category: "category",
  condition: "condition",
  price: "price",
};

/** A column's answer as the sell form would be filled from it, with what it cost. */
export function ColumnResult({ index, state }: { index: number; state: ColumnState }) {
  if (state.status === "idle") {
    return (
      <p className="text-sm text-stone-500" data-testid="column-result" data-state="idle">
        Not run yet.
      </p>
    );
  }
  const suggestion = answerOf(state);
  const values = suggestion ? formValuesOf(suggestion) : null;
  const final = state.status === "done" || state.status === "failed" ? state.line : null;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="column-result" data-state={state.status}>
      {state.status === "running" && <p role="status">Column {index + 1} is answering…</p>}
      {state.status === "failed" && (
        <p role="alert" className="text-red-700" data-testid="column-failure">
          {state.line.message}
        </p>
      )}
      {values && (
        <dl className="grid grid-cols-[7rem_1fr] gap-x-2 gap-y-1">
          {COMPARED_FIELDS.map((field) => {
            const confidenceKey = CONFIDENCE_FIELD[field];
            const unsure = confidenceKey && suggestion?.confidence?.[confidenceKey] === "low";
            return (
              <div key={field} className="contents" data-testid="column-field" data-field={field}>
                <dt className="text-stone-500">{FIELD_LABELS[field]}</dt>
                <dd className="break-words whitespace-pre-wrap">
                  {values[field] || <span className="text-stone-400">(empty)</span>}
                  {unsure && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">Please check</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {final && (
        <dl className="mt-1 grid grid-cols-2 gap-x-2 text-xs text-stone-600" data-testid="column-figures">
          <dt>Latency</dt>
          <dd data-testid="column-latency">{final.latencyMs === null ? "–" : `${final.latencyMs.toLocaleString("en-IE")} ms`}</dd>
          {final.type === "done" && (
            <>
              <dt>Tokens in / out</dt>
              <dd data-testid="column-tokens">
                {final.usage.inputTokens ?? "unknown"} / {final.usage.outputTokens ?? "unknown"}
              </dd>
              <dt>Cost</dt>
              <dd data-testid="column-cost">{final.usage.costUsd === null ? "unknown (no price for this model)" : usd.format(final.usage.costUsd)}</dd>
              <dt>Prompt</dt>
              <dd className="font-mono" data-testid="column-prompt">{final.prompt.label}</dd>
              <dt>Model</dt>
              <dd className="font-mono">{final.model.id}</dd>
            </>
          )}
          {final.callId && (
            <>
              <dt>Logged as</dt>
              <dd>
                <Link href={`/console/calls/${final.callId}`} className="underline">
                  call {final.callId.slice(0, 8)}
                </Link>
              </dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}

