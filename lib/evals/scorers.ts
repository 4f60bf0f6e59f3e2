import type { ListingSuggestion } from "@/lib/ai/output-schema";
import type { Category } from "@/lib/listings/options";
import type { EvalCase } from "./dataset";

/** What one run of the analyse-photo task returned for one case. */
export type CaseAnswer = {
  suggestion: ListingSuggestion | null; // null: no valid answer (error, timeout, schema mismatch…)
  failureReason: string | null;
  latencyMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
};

export type CaseScore = {
  caseId: string;
  trial: number;
  expectedCategory: Category;
  predictedCategory: Category | null; // null when invalid or abstained
  valid: boolean;
  abstained: boolean;
  categoryStrict: boolean;
  categoryLenient: boolean;
  confidentWrong: boolean;
  keywordHit: boolean;
  priceInRange: boolean;
  priceError: number | null;
  predictedPrice: number | null;
  title: string | null;
  failureReason: string | null;
  latencyMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
};

/** A model abstains on the category by marking its confidence low: a question, not an answer. */
export function isAbstention(suggestion: ListingSuggestion): boolean {
  return suggestion.confidence.category === "low";
}

export function scoreCategory(evalCase: EvalCase, predicted: Category | null) {
  const strict = predicted !== null && predicted === evalCase.category;
  const lenient = strict || (predicted !== null && evalCase.accept.includes(predicted));
  return { strict, lenient };
}

/** A good title contains at least one of the case's keywords (case-insensitive substring). */
export function scoreKeyword(evalCase: EvalCase, title: string | null): boolean {
  if (!title) return false;
  const lower = title.toLowerCase();
  return evalCase.keywords.some((keyword) => lower.includes(keyword.toLowerCase()));
}

/** In range, and the error |ln(predicted / midpoint of the range)| (0 at the midpoint, symmetric in ratio). */
export function scorePrice(evalCase: EvalCase, price: number | null): { inRange: boolean; error: number | null } {
  if (price === null || !Number.isFinite(price) || price <= 0) return { inRange: false, error: null };
  const { min, max } = evalCase.price_eur;
  const midpoint = (min + max) / 2;
  return { inRange: price >= min && price <= max, error: Math.abs(Math.log(price / midpoint)) };
}

export function scoreCase(evalCase: EvalCase, answer: CaseAnswer, trial = 0): CaseScore {
  const suggestion = answer.suggestion;
  const valid = suggestion !== null;
  const abstained = valid && isAbstention(suggestion);
  const predictedCategory = valid && !abstained ? suggestion.category : null;
  const category = scoreCategory(evalCase, predictedCategory);
  const price = scorePrice(evalCase, suggestion?.priceEur ?? null);
  return {
    caseId: evalCase.id,
    trial,
    expectedCategory: evalCase.category,
    predictedCategory,
    valid,
    abstained,
    categoryStrict: category.strict,
    categoryLenient: category.lenient,
    // Wrong even by the lenient reading, and said with confidence: the costly kind of mistake.
    confidentWrong: predictedCategory !== null && !category.lenient,
    keywordHit: scoreKeyword(evalCase, suggestion?.title ?? null),
    priceInRange: price.inRange,
    priceError: price.error,
    predictedPrice: suggestion?.priceEur ?? null,
    title: suggestion?.title ?? null,
    failureReason: answer.failureReason,
    latencyMs: answer.latencyMs,
    inputTokens: answer.inputTokens,
    outputTokens: answer.outputTokens,
    costUsd: answer.costUsd,
  };
}
