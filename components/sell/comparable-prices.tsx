import type { ComparablePrices as Comparable } from "@/lib/db/queries/comparable-prices";
import { formatPrice } from "@/lib/listings/format";

/** The marketplace's own evidence next to the model's price. */
export function ComparablePrices({ comparable, locale }: { comparable: Comparable; locale: string }) {
  const { lowCents, highCents, count } = comparable;
  const range = lowCents === highCents ? formatPrice(lowCents, locale) : `${formatPrice(lowCents, locale)}–${formatPrice(highCents, locale)}`;
  return (
    <p className="-mt-3 text-sm text-stone-700" data-testid="comparable-prices">
      Similar on Trova: {range} ({count} listings)
    </p>
  );
}
