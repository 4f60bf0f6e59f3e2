import { confusionMatrix } from "@/lib/evals/compare";
import type { CaseScore } from "@/lib/evals/scorers";

/** Expected category (rows) against the model's answer (columns); the diagonal is right. */
export function ConfusionMatrix({ scores }: { scores: CaseScore[] }) {
  const { rows, columns, counts } = confusionMatrix(scores);
  return (
    <div className="overflow-x-auto">
      <table className="text-xs" data-testid="confusion-matrix">
        <caption className="mb-1 text-left text-stone-500">Rows: expected. Columns: answered ((none): invalid or abstained).</caption>
        <thead>
          <tr>
            <th />
            {columns.map((column) => (
              <th key={column} className="px-1.5 py-1 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={row}>
              <th className="pr-2 text-right font-medium">{row}</th>
              {counts[rowIndex].map((count, columnIndex) => (
                <td
                  key={columns[columnIndex]}
                  className={`px-1.5 py-1 text-center tabular-nums ${count === 0 ? "text-stone-300" : columns[columnIndex] === row ? "bg-green-100 font-semibold" : "bg-red-50"}`}
                >
                  {count}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
