import { describe, expect, it } from "vitest";
import { formatPrice } from "./format";
import { DEFAULT_LOCALE, pickLocale } from "./locale";

describe("pickLocale", () => {
  it("falls back to en-IE without a header", () => {
    expect(pickLocale(null)).toBe(DEFAULT_LOCALE);
    expect(pickLocale("")).toBe("en-IE");
    expect(pickLocale("*")).toBe("en-IE");
  });

  it("takes the first locale of a plain list", () => {
    expect(pickLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
  });

  it("orders by weight, not by position", () => {
    expect(pickLocale("en;q=0.5, fr-FR;q=0.9, it")).toBe("it");
    expect(pickLocale("en;q=0.5, fr-FR;q=0.9")).toBe("fr-FR");
  });

  it("keeps the header's order between equal weights", () => {
    expect(pickLocale("nl-NL;q=0.8, pt-PT;q=0.8")).toBe("nl-NL");
  });

  it("skips tags Intl does not know or that are malformed", () => {
    expect(pickLocale("zz, en_US, i-klingon, es-ES")).toBe("es-ES");
    expect(pickLocale("zz, qq-QQ")).toBe("en-IE");
  });

  it("ignores ranges with a zero or broken weight", () => {
    expect(pickLocale("fr;q=0, de;q=abc, pl")).toBe("pl");
  });

  it("canonicalises case and drops extensions", () => {
    expect(pickLocale("EN-gb")).toBe("en-GB");
    expect(pickLocale("en-US-u-nu-arab")).toBe("en-US");
  });

  it("gives prices in the chosen locale's format", () => {
    expect(formatPrice(123_450, pickLocale("de-DE")).replace(/\s/g, " ")).toBe("1.234,50 €");
  });
});
