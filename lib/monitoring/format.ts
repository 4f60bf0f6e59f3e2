// How the console writes its figures. A missing figure is a dash, never a zero.

const NONE = "–";

export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? NONE : `${(rate * 100).toFixed(1)}%`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return NONE;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Dollars to four significant figures: a call costs fractions of a cent. */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return NONE;
  return usd === 0 ? "$0" : `$${usd.toPrecision(4)}`;
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return NONE;
  return value.toLocaleString("en-IE", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export const dateTime = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
