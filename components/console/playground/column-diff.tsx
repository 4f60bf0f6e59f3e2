"use client";

import { DataTable, type Column } from "@/components/console/data-table";
import { compareColumns, type ColumnValues, type ComparedRow } from "@/lib/playground/compare-columns";
import { answerOf, FIELD_LABELS, type ColumnState } from "./column-results";

const OUTCOME_STYLES = { kept: "bg-green-100 text-green-900", changed: "bg-amber-100 text-amber-900", cleared: "bg-red-100 text-red-900" } as const;

/** Field by field: every column's value, marked where the columns disagree, and against what the seller published. */
export function ColumnDiff({ states, published }: { states: ColumnState[]; published: ColumnValues | null }) {
  const rows = compareColumns(states.map(answerOf), published);
  const columns: Column<ComparedRow>[] = [
    { header: "Field", cell: (row) => FIELD_LABELS[row.field], className: "font-medium" },
    ...states.map(
      (_state, index): Column<ComparedRow> => ({
        header: `Column ${index + 1}`,
        className: "whitespace-pre-wrap",
        cell: (row) => {
          const value = row.values[index];
          const outcome = row.againstPublished[index];
          if (value === null) return <span className="text-stone-400">–</span>;
          return (
            <span className={row.differs ? "rounded bg-amber-50 px-1" : undefined}>
              {value || <span className="text-stone-400">(empty)</span>}
              {outcome && (
                <span className={`ml-2 rounded px-1 text-xs ${OUTCOME_STYLES[outcome]}`} data-testid="against-published">
                  {outcome === "kept" ? "as published" : outcome === "cleared" ? "seller cleared" : "seller changed"}
                </span>
              )}
            </span>
          );
        },
      }),
    ),
    ...(published ? [{ header: "Seller published", cell: (row: ComparedRow) => row.published || <span className="text-stone-400">(empty)</span>, className: "whitespace-pre-wrap" }] : []),
    { header: "Columns", cell: (row) => <span data-testid="diff-verdict">{row.differs ? "differ" : "agree"}</span> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.field}
      rowTestId="diff-row"
      rowProps={(row) => ({ className: "align-top", "data-field": row.field, "data-differs": String(row.differs) })}
      testId="column-diff"
      label="Field-by-field diff"
      empty="No fields."
    />
  );
}
