import { describe, expect, it } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { compareFields, computeImplicitFeedback, fieldOutcome, normalisedEditDistance, priceLogError, type PublishedValues } from "./implicit-feedback";

const asSuggested: PublishedValues = {
  title: "Blue ceramic vase",
  description: DEFAULT_FIXTURE.description,
  category: "Home & Garden",
  condition: "good",
  priceCents: 2500,
  details: { brand: "", colour: "blue", material: "ceramic", size: "" },
};

describe("normalisedEditDistance", () => {
  it("is the Levenshtein distance over the longer length", () => {
    // kitten → sitting: two substitutions and one insertion, over 7 characters.
    expect(normalisedEditDistance("kitten", "sitting")).toBeCloseTo(3 / 7);
    expect(normalisedEditDistance("flaw", "lawn")).toBe(2 / 4);
  });

  it("is 0 for the same text (spaces at the ends aside) and 1 for nothing in common", () => {
    expect(normalisedEditDistance("Oak table", "  Oak table ")).toBe(0);
    expect(normalisedEditDistance("", "")).toBe(0);
    expect(normalisedEditDistance("abc", "")).toBe(1);
    expect(normalisedEditDistance("abc", "xyz")).toBe(1);
  });

  it("counts characters, not UTF-16 code units", () => {
    expect(normalisedEditDistance("Poäng 🪑", "Poang 🪑")).toBe(1 / 7);
  });
});

describe("priceLogError", () => {
  it("is |ln(published / suggested)|, the same for doubling and halving", () => {
    expect(priceLogError(25, 2500)).toBe(0);
    expect(priceLogError(25, 5000)).toBeCloseTo(Math.LN2);
    expect(priceLogError(50, 2500)).toBeCloseTo(Math.LN2);
    expect(priceLogError(19.99, 1500)).toBeCloseTo(Math.abs(Math.log(15 / 19.99)));
  });

  it("is null without a suggested price, or with a free item on either side", () => {
    expect(priceLogError(null, 2500)).toBeNull();
    expect(priceLogError(0, 2500)).toBeNull();
    expect(priceLogError(25, 0)).toBeNull();
  });
});

describe("fieldOutcome", () => {
  it("tells kept, changed and cleared apart", () => {
    expect(fieldOutcome("Blue vase", "Blue  vase ")).toBe("kept");
    expect(fieldOutcome("Blue vase", "blue vase")).toBe("changed");
    expect(fieldOutcome("Blue vase", "")).toBe("cleared");
    // Filling in what the model left empty is a change; leaving it empty keeps it.
    expect(fieldOutcome("", "IKEA")).toBe("changed");
    expect(fieldOutcome("", "")).toBe("kept");
  });
});

describe("computeImplicitFeedback", () => {
  it("finds everything kept when the seller publishes the suggestion as it was", () => {
    expect(computeImplicitFeedback(DEFAULT_FIXTURE, asSuggested)).toEqual({
      fields: { title: "kept", description: "kept", category: "kept", condition: "kept", price: "kept", brand: "kept", colour: "kept", material: "kept", size: "kept" },
      titleEditDistance: 0,
      descriptionEditDistance: 0,
      categoryChanged: false,
      priceLogError: 0,
    });
  });

  it("records what the seller changed and cleared", () => {
    const published = {
      ...asSuggested,
      title: "Blue ceramic vase, hand-thrown",
      description: "",
      category: "Other" as const,
      condition: "fair" as const,
      priceCents: 5000,
      details: { brand: "Arklow", colour: "blue", material: "", size: "25 cm" },
    };
    const feedback = computeImplicitFeedback(DEFAULT_FIXTURE, published);
    expect(feedback.fields).toEqual({
      title: "changed",
      description: "cleared",
      category: "changed",
      condition: "changed",
      price: "changed",
      brand: "changed",
      colour: "kept",
      material: "cleared",
      size: "changed",
    });
    expect(feedback.titleEditDistance).toBeCloseTo(13 / 30);
    expect(feedback.descriptionEditDistance).toBe(1);
    expect(feedback.categoryChanged).toBe(true);
    expect(feedback.priceLogError).toBeCloseTo(Math.LN2);
  });

  it("compares the price as the form showed it: euros to the cent", () => {
    const rows = compareFields({ ...DEFAULT_FIXTURE, priceEur: 12.5 }, { ...asSuggested, priceCents: 1250 });
    expect(rows.find((row) => row.field === "price")).toEqual({ field: "price", suggested: "12.50", published: "12.50", outcome: "kept" });
  });
});
