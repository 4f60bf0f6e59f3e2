import { diffWords } from "diff";
import type { FieldComparison, FieldOutcome } from "@/lib/sell/implicit-feedback";

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
    <table className="w-full text-left text-sm" data-testid="field-diff">
      <thead className="text-stone-500">
        <tr>
          <th className="py-1">Field</th>
          <th>Suggested</th>
          <th>Published</th>
          <th>Seller</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className="border-t border-stone-100 align-top" data-testid="field-diff-row" data-field={row.field}>
            <td className="py-1.5 pr-2 font-medium">{row.field}</td>
            <td className="pr-2 whitespace-pre-wrap">{row.suggested || <span className="text-stone-400">(empty)</span>}</td>
            <td className="pr-2 whitespace-pre-wrap">
              {row.published === null ? (
                <span className="text-stone-400">(listing deleted)</span>
              ) : row.outcome === "changed" && row.suggested ? (
                <WordDiff before={row.suggested} after={row.published} />
              ) : (
                row.published || <span className="text-stone-400">(empty)</span>
              )}
            </td>
            <td>
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${OUTCOME_STYLES[row.outcome]}`} data-testid="field-outcome">
                {row.outcome}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
