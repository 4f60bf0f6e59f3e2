import { percentile as nearestRank } from "@/lib/percentile";
import { CATEGORIES, type Category } from "@/lib/listings/options";
import type { CaseScore } from "./scorers";

export type CategoryRow = {
  category: Category;
  cases: number;
  categoryAccuracy: number;
  categoryAccuracyLenient: number;
  abstentionRate: number;
  keywordHitRate: number;
  priceInRangeRate: number;
};

export type EvalMetrics = {
  cases: number;
  validityRate: number;
  categoryAccuracy: number;
  categoryAccuracyLenient: number;
  macroF1: number;
  confidentWrongRate: number;
  abstentionRate: number;
  keywordHitRate: number;
  priceInRangeRate: number;
  medianPriceError: number | null;
  latencyP50Ms: number;
  latencyP95Ms: number;
  totalInputTokens: number;
  totalOutputTokens: number;
  totalCostUsd: number | null; // null when any call's cost is unknown
  perCategory: CategoryRow[];
};

const rate = (scores: CaseScore[], test: (score: CaseScore) => boolean) =>
  scores.length === 0 ? 0 : scores.filter(test).length / scores.length;

/** Nearest-rank percentile of a list of numbers (p in 0–100); 0 when there are none. */
export function percentile(values: number[], p: number): number {
  return nearestRank(values, p) ?? 0;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Macro-averaged F1 over the categories present in the data (strict labels). An abstention is
 * a miss for the expected category and a prediction of no category.
 */
export function macroF1(scores: CaseScore[]): number {
  const present = CATEGORIES.filter((category) => scores.some((score) => score.expectedCategory === category));
  if (present.length === 0) return 0;
  const f1s = present.map((category) => {
    const truePositives = scores.filter((s) => s.expectedCategory === category && s.predictedCategory === category).length;
    const predicted = scores.filter((s) => s.predictedCategory === category).length;
    const actual = scores.filter((s) => s.expectedCategory === category).length;
    const precision = predicted ? truePositives / predicted : 0;
    const recall = actual ? truePositives / actual : 0;
    return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  });
  return f1s.reduce((sum, value) => sum + value, 0) / f1s.length;
}

export function computeMetrics(scores: CaseScore[]): EvalMetrics {
  const priceErrors = scores.flatMap((score) => (score.priceError === null ? [] : [score.priceError]));
  const latencies = scores.map((score) => score.latencyMs);
  const costs = scores.map((score) => score.costUsd);
  return {
    cases: scores.length,
    validityRate: rate(scores, (s) => s.valid),
    categoryAccuracy: rate(scores, (s) => s.categoryStrict),
    categoryAccuracyLenient: rate(scores, (s) => s.categoryLenient),
    macroF1: macroF1(scores),
    confidentWrongRate: rate(scores, (s) => s.confidentWrong),
    abstentionRate: rate(scores, (s) => s.abstained),
    keywordHitRate: rate(scores, (s) => s.keywordHit),
    priceInRangeRate: rate(scores, (s) => s.priceInRange),
    medianPriceError: median(priceErrors),
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
    totalInputTokens: scores.reduce((sum, s) => sum + (s.inputTokens ?? 0), 0),
    totalOutputTokens: scores.reduce((sum, s) => sum + (s.outputTokens ?? 0), 0),
    totalCostUsd: costs.some((cost) => cost === null) ? null : costs.reduce<number>((sum, cost) => sum + (cost ?? 0), 0),
    perCategory: CATEGORIES.flatMap((category) => {
      const rows = scores.filter((score) => score.expectedCategory === category);
      if (rows.length === 0) return [];
      return [
        {
          category,
          cases: rows.length,
          categoryAccuracy: rate(rows, (s) => s.categoryStrict),
          categoryAccuracyLenient: rate(rows, (s) => s.categoryLenient),
          abstentionRate: rate(rows, (s) => s.abstained),
          keywordHitRate: rate(rows, (s) => s.keywordHit),
          priceInRangeRate: rate(rows, (s) => s.priceInRange),
        },
      ];
    }),
  };
}

/** Share of cases whose trials all agree on the category (1 with a single trial). */
export function categoryConsistency(scores: CaseScore[]): number {
  const byCase = new Map<string, Set<string>>();
  for (const score of scores) {
    const answers = byCase.get(score.caseId) ?? new Set<string>();
    answers.add(score.predictedCategory ?? "(none)");
    byCase.set(score.caseId, answers);
  }
  if (byCase.size === 0) return 1;
  return [...byCase.values()].filter((answers) => answers.size === 1).length / byCase.size;
}
