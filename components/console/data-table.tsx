import Link from "next/link";
import type { ReactNode } from "react";

// The console's one table: a header row, one row per item, and a sentence instead of the table
// when there is nothing to show. Server-rendered; cells may hold links, forms or client islands.

export type Column<Row> = {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Figures: right-aligned, with digits of equal width. */
  numeric?: boolean;
  /** Extra classes for this column's cells (font, width, wrapping). */
  className?: string;
  /** The cell links to the row's own page (`rowHref`). */
  link?: boolean;
};

type RowProps = { className?: string } & { [attribute: `data-${string}`]: string | undefined };

type DataTableProps<Row> = {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** What the page says when there are no rows. */
  empty: ReactNode;
  emptyTestId?: string;
  /** Where a row leads, for the columns marked `link`. */
  rowHref?: (row: Row) => string;
  rowTestId?: string;
  /** Per-row attributes (a class for a total row, data-* for tests). */
  rowProps?: (row: Row) => RowProps;
  label?: string;
  testId?: string;
};

export function DataTable<Row>({ columns, rows, rowKey, empty, emptyTestId, rowHref, rowTestId, rowProps, label, testId }: DataTableProps<Row>) {
  if (rows.length === 0) {
    return (
      <p className="text-sm text-stone-600" data-testid={emptyTestId}>
        {empty}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label={label} data-testid={testId}>
        <thead className="text-stone-500">
          <tr>
            {columns.map((column, index) => (
              <th key={index} className={`px-1.5 py-1 font-normal ${column.numeric ? "text-right" : ""}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { className, ...attributes } = rowProps?.(row) ?? {};
            return (
              <tr key={rowKey(row)} className={`border-t border-stone-100 ${className ?? ""}`} data-testid={rowTestId} {...attributes}>
                {columns.map((column, index) => (
                  <td key={index} className={`px-1.5 py-1.5 ${column.numeric ? "text-right tabular-nums" : ""} ${column.className ?? ""}`}>
                    {column.link && rowHref ? (
                      <Link href={rowHref(row)} className="underline">
                        {column.cell(row)}
                      </Link>
                    ) : (
                      column.cell(row)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
