import { VERDICT_FIELDS, type VerdictField } from "./label-schema";

// How often two reviewers who labelled the same call agree. Every pair of labels on an item counts
// once (an item normally has two). Category agreement is also given chance-corrected, as Scott's
// π: raw agreement is flattering when most items share one category.

export type AgreementLabel = { category: string | null; verdicts: Partial<Record<string, string>> };
export type AgreementCount = { agreed: number; pairs: number; rate: number | null };
export type Agreement = {
  items: number;
  category: AgreementCount & { chanceCorrected: number | null };
  verdicts: Record<VerdictField, AgreementCount>;
};

function rate(agreed: number, pairs: number): AgreementCount {
  return { agreed, pairs, rate: pairs === 0 ? null : agreed / pairs };
}

function pairsOf<T>(labels: T[]): [T, T][] {
  return labels.flatMap((first, index) => labels.slice(index + 1).map((second) => [first, second] as [T, T]));
}

/** Agreement over items labelled by two or more reviewers (each entry: one item's labels). */
export function agreementRate(items: AgreementLabel[][]): Agreement {
  const multiplyLabelled = items.filter((labels) => labels.length >= 2);
  const pairs = multiplyLabelled.flatMap((labels) => pairsOf(labels));

  const categoryPairs = pairs.filter(([a, b]) => a.category !== null && b.category !== null);
  const categoryAgreed = categoryPairs.filter(([a, b]) => a.category === b.category).length;
  // Scott's π: expected agreement from the categories' pooled shares over both labels of every pair.
  const pooled = new Map<string, number>();
  for (const [a, b] of categoryPairs) for (const category of [a.category!, b.category!]) pooled.set(category, (pooled.get(category) ?? 0) + 1);
  const ratings = categoryPairs.length * 2;
  const expected = [...pooled.values()].reduce((sum, n) => sum + (n / ratings) ** 2, 0);
  const observed = categoryPairs.length === 0 ? null : categoryAgreed / categoryPairs.length;
  const chanceCorrected = observed === null || expected >= 1 ? null : (observed - expected) / (1 - expected);

  const verdicts = Object.fromEntries(
    VERDICT_FIELDS.map((field) => {
      const judged = pairs.filter(([a, b]) => a.verdicts[field] && b.verdicts[field]);
      return [field, rate(judged.filter(([a, b]) => a.verdicts[field] === b.verdicts[field]).length, judged.length)];
    }),
  ) as Record<VerdictField, AgreementCount>;

  return { items: multiplyLabelled.length, category: { ...rate(categoryAgreed, categoryPairs.length), chanceCorrected }, verdicts };
}
