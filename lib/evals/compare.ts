import { CATEGORIES } from "@/lib/listings/options";
import type { EvalMetrics } from "./metrics";
import type { CaseScore } from "./scorers";
import { compareCorrectness } from "./statistics";

export const NO_CATEGORY = "(none)";

/** Rows: expected category; columns: predicted category or "(none)" for an invalid or abstained answer. */
export function confusionMatrix(scores: CaseScore[]) {
  const columns = [...CATEGORIES.filter((category) => scores.some((score) => score.predictedCategory === category || score.expectedCategory === category)), NO_CATEGORY];
  const rows = CATEGORIES.filter((category) => scores.some((score) => score.expectedCategory === category));
  const counts = rows.map((expected) =>
    columns.map((predicted) => scores.filter((score) => score.expectedCategory === expected && (score.predictedCategory ?? NO_CATEGORY) === predicted).length),
  );
  return { rows, columns, counts };
}

/** Counts of price errors |ln(predicted / midpoint)| in bins of `width`, the last bin open-ended. */
export function priceErrorHistogram(scores: CaseScore[], width = 0.25, bins = 8) {
  const counts = Array.from({ length: bins }, () => 0);
  let missing = 0;
  for (const score of scores) {
    if (score.priceError === null) {
      missing++;
      continue;
    }
    counts[Math.min(bins - 1, Math.floor(score.priceError / width))]++;
  }
  const histogram = counts.map((count, index) => ({
    label: index === bins - 1 ? `≥${(index * width).toFixed(2)}` : `${(index * width).toFixed(2)}–${((index + 1) * width).toFixed(2)}`,
    count,
  }));
  return { histogram, missing };
}


/** A case is right in a run when the majority of its trials are right (ties count as wrong). */
function majorityRight(scores: CaseScore[]): boolean {
  return scores.filter((score) => score.categoryStrict).length * 2 > scores.length;
}

function byCase(scores: CaseScore[]): Map<string, CaseScore[]> {
  const map = new Map<string, CaseScore[]>();
  for (const score of scores) map.set(score.caseId, [...(map.get(score.caseId) ?? []), score]);
  return map;
}

export type CaseComparison = { caseId: string; a: CaseScore[]; b: CaseScore[]; change: "regression" | "improvement" | "same-right" | "same-wrong" };

const CHANGE_ORDER = { regression: 0, improvement: 1, "same-wrong": 2, "same-right": 3 } as const;

/**
 * Compares run B with run A on the cases both ran: aggregate deltas, a paired test of category
 * correctness, and the cases sorted with regressions first.
 */
export function compareRuns(a: { metrics: EvalMetrics; scores: CaseScore[] }, b: { metrics: EvalMetrics; scores: CaseScore[] }) {
  const casesA = byCase(a.scores);
  const casesB = byCase(b.scores);
  const shared = [...casesA.keys()].filter((caseId) => casesB.has(caseId)).sort();
  const rows: CaseComparison[] = shared.map((caseId) => {
    const rightA = majorityRight(casesA.get(caseId)!);
    const rightB = majorityRight(casesB.get(caseId)!);
    const change = rightA && !rightB ? "regression" : !rightA && rightB ? "improvement" : rightA ? "same-right" : "same-wrong";
    return { caseId, a: casesA.get(caseId)!, b: casesB.get(caseId)!, change };
  });
  rows.sort((x, y) => CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change] || x.caseId.localeCompare(y.caseId));
  const paired = compareCorrectness(
    shared.map((caseId) => majorityRight(casesA.get(caseId)!)),
    shared.map((caseId) => majorityRight(casesB.get(caseId)!)),
  );
  const keys = ["validityRate", "categoryAccuracy", "categoryAccuracyLenient", "macroF1", "confidentWrongRate", "keywordHitRate", "priceInRangeRate", "medianPriceError", "latencyP50Ms", "latencyP95Ms", "totalCostUsd"] as const;
  const deltas = keys.map((key) => {
    const valueA = a.metrics[key];
    const valueB = b.metrics[key];
    return { key, a: valueA, b: valueB, delta: valueA === null || valueB === null ? null : valueB - valueA };
  });
  return { sharedCases: shared.length, deltas, paired, rows };
}

