import { getComparablePrices } from "@/lib/db/queries/comparable-prices";
import { roundPrice, type PriceLookup } from "./local-vision/suggestion";

/**
 * How the built-in reader prices an item: the middle of what similar Trova listings ask (the
 * range the sell page shows), when there are enough of them. The model registry hands it to
 * local:vision, which itself never reads the database.
 */
export const priceFromComparables: PriceLookup = async ({ category, item }) => {
  const comparable = await getComparablePrices({ category, title: item });
  return comparable ? roundPrice((comparable.lowCents + comparable.highCents) / 2 / 100) : null;
};
