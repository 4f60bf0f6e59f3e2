import { describe, expect, it } from "vitest";
import { formatPrice, formatRelativeDate } from "./format";

describe("formatPrice", () => {
  it("formats whole euros without decimals for en-IE", () => {
    expect(formatPrice(12_500)).toBe("€125");
  });
  it("keeps cents when there are some", () => {
    expect(formatPrice(1_999)).toBe("€19.99");
  });
  it("follows another locale's conventions", () => {
    expect(formatPrice(123_456, "de-DE").replace(/\s/g, " ")).toBe("1.234,56 €");
  });
});

describe("formatRelativeDate", () => {
  const now = new Date("2026-06-10T12:00:00Z");
  it("says just now for the last minute", () => {
    expect(formatRelativeDate(new Date("2026-06-10T11:59:30Z"), now)).toBe("just now");
  });
  it("counts days", () => {
    expect(formatRelativeDate(new Date("2026-06-07T12:00:00Z"), now)).toBe("3 days ago");
  });
});
