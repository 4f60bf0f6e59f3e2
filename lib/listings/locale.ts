import { headers } from "next/headers";
import { cache } from "react";

export const DEFAULT_LOCALE = "en-IE";

// Accept-Language is short in practice; the cap bounds the work a hostile header can cause.
const MAX_HEADER_LENGTH = 500;

/**
 * The first locale in an Accept-Language header (by preference weight) that Intl can format
 * numbers for, or en-IE. Extensions such as "-u-nu-arab" are dropped: prices use the
 * language's own digits.
 */
export function pickLocale(acceptLanguage: string | null | undefined): string {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .slice(0, MAX_HEADER_LENGTH)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const weight = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const quality = weight ? Number(weight.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.tag && range.tag !== "*" && range.quality > 0)
    // Highest weight first; equal weights keep the header's order.
    .sort((a, b) => b.quality - a.quality || a.index - b.index);

  for (const { tag } of ranges) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

function supportedLocale(tag: string): string | undefined {
  try {
    const baseName = new Intl.Locale(tag).baseName;
    return Intl.NumberFormat.supportedLocalesOf([baseName])[0];
  } catch {
    // Not a well-formed language tag (e.g. "en_US", "i-klingon").
    return undefined;
  }
}

/** The locale to format prices in for this request, from the browser's Accept-Language. */
export const getRequestLocale = cache(async () => pickLocale((await headers()).get("accept-language")));
