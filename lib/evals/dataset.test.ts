import { describe, expect, it } from "vitest";
import { DatasetFormatError, formatCasesJsonl, parseCasesJsonl } from "./dataset";

const line = (overrides: object = {}) =>
  JSON.stringify({ id: "a", file: "a.jpg", category: "Books", item: "A novel", keywords: ["book"], price_eur: { min: 1, max: 10 }, ...overrides });

describe("parseCasesJsonl", () => {
  it("reads cases, with accept defaulting to none and unknown fields kept", () => {
    const [evalCase] = parseCasesJsonl(`${line({ source: "here", extra: 1 })}\n\n`);
    expect(evalCase).toMatchObject({ id: "a", accept: [], source: "here", extra: 1 });
  });
  it("round-trips through the writer", () => {
    const cases = parseCasesJsonl([line(), line({ id: "b", file: "b.jpg", accept: ["Other"] })].join("\n"));
    expect(parseCasesJsonl(formatCasesJsonl(cases))).toEqual(cases);
  });
  it.each([
    ["not json", "{", /line 1: not valid JSON/],
    ["an unknown category", line({ category: "Food" }), /line 1: category/],
    ["a path as file", line({ file: "../etc/passwd" }), /line 1: file/],
    ["an inverted price range", line({ price_eur: { min: 10, max: 1 } }), /line 1: price_eur/],
    ["a duplicate id", `${line()}\n${line()}`, /line 2: duplicate id "a"/],
    ["no cases", "\n", /no cases/],
  ])("refuses %s, naming the line", (_name, text, message) => {
    expect(() => parseCasesJsonl(text)).toThrow(DatasetFormatError);
    expect(() => parseCasesJsonl(text)).toThrow(message);
  });
});
