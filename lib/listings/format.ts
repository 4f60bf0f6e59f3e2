const priceFormatters = new Map<string, Intl.NumberFormat>();

/** A price in EUR for the given locale (en-IE unless the browser says otherwise). */
export function formatPrice(priceCents: number, locale = "en-IE"): string {
  const key = `${locale}:${priceCents % 100 === 0 ? 0 : 2}`;
  let formatter = priceFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: "EUR",
      minimumFractionDigits: priceCents % 100 === 0 ? 0 : 2,
      maximumFractionDigits: 2,
    });
    priceFormatters.set(key, formatter);
  }
  return formatter.format(priceCents / 100);
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 days ago", "just now". */
export function formatRelativeDate(date: Date, now = new Date(), locale = "en-IE"): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  // Building an Intl formatter costs far more than using one, and a page formats dozens of dates.
  let formatter = relativeFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    relativeFormatters.set(locale, formatter);
  }
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return formatter.format(Math.round(seconds / size), unit);
  }
  return "just now";
}
