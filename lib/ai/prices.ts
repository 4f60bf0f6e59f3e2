// USD per million tokens, from OpenAI's public price list. A model missing here has an unknown
// cost (null), never zero: local and mock models, and any hosted model nobody priced yet.
const PRICES_PER_MILLION: Record<string, { input: number; output: number }> = {
  "openai:gpt-4o-mini": { input: 0.15, output: 0.6 },
  "openai:gpt-4o": { input: 2.5, output: 10 },
  "openai:gpt-4.1": { input: 2, output: 8 },
  "openai:gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "openai:gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "openai:gpt-5": { input: 1.25, output: 10 },
  "openai:gpt-5-mini": { input: 0.25, output: 2 },
  "openai:gpt-5-nano": { input: 0.05, output: 0.4 },
};

/** The models with a known price, e.g. "openai:gpt-4o-mini". */
export const PRICED_MODEL_IDS: readonly string[] = Object.keys(PRICES_PER_MILLION);

/** Cost of one call in USD; null when the model's price or the token counts are unknown. */
export function costUsd(modelId: string, inputTokens: number | null, outputTokens: number | null): number | null {
  const price = PRICES_PER_MILLION[modelId];
  if (!price || inputTokens === null || outputTokens === null) return null;
  return (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
}
