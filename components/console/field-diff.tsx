import { diffWords } from "diff";
import { DataTable } from "@/components/console/data-table";
import type { FieldOutcome } from "@/lib/db/json-columns";
import type { FieldComparison } from "@/lib/sell/implicit-feedback";

/** A row of the diff; `published` is null when the listing is gone and only the outcome was kept. */
export type FieldDiffRow = Omit<FieldComparison, "published"> & { published: string | null };

const OUTCOME_STYLES: Record<FieldOutcome, string> = {
  kept: "bg-green-100 text-green-900",
  changed: "bg-amber-100 text-amber-900",
  cleared: "bg-red-100 text-red-900",
};

/** The suggestion beside the published listing, one row per field, with what the seller did to it. */
export function FieldDiff({ rows }: { rows: FieldDiffRow[] }) {
  return (
    <DataTable
      columns={[
        { header: "Field", cell: (row) => row.field, className: "font-medium" },
        { header: "Suggested", cell: (row) => row.suggested || <span className="text-stone-400">(empty)</span>, className: "whitespace-pre-wrap" },
        {
          header: "Published",
          className: "whitespace-pre-wrap",
          cell: (row) =>
            row.published === null ? (
              <span className="text-stone-400">(listing deleted)</span>
            ) : row.outcome === "changed" && row.suggested ? (
              <WordDiff before={row.suggested} after={row.published} />
            ) : (
              row.published || <span className="text-stone-400">(empty)</span>
            ),
        },
        {
          header: "Seller",
          cell: (row) => (
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${OUTCOME_STYLES[row.outcome]}`} data-testid="field-outcome">
              {row.outcome}
            </span>
          ),
        },
      ]}
      rows={rows}
      rowKey={(row) => row.field}
      rowTestId="field-diff-row"
      rowProps={(row) => ({ className: "align-top", "data-field": row.field })}
      testId="field-diff"
      empty="No fields."
    />
  );
}

function WordDiff({ before, after }: { before: string; after: string }) {
  return (
    <>
      {diffWords(before, after).map((part, index) =>
        part.added ? (
          <ins key={index} className="bg-green-100 text-green-900 no-underline">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index} className="bg-red-100 text-red-900">
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </>
  );
}
