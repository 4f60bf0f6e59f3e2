import { describe, expect, it } from "vitest";
import type { ListingSuggestion } from "@/lib/ai/output-schema";
import { describeSeen, fieldReasons, recognisedNothing } from "./field-reasons";

const hosted: ListingSuggestion = {
  title: "Blue ceramic vase",
  description: "Blue glazed vase.",
  category: "Home & Garden",
  condition: null,
  priceEur: 25,
  brand: null,
  attributes: { colour: "blue", material: null, size: null },
  confidence: { title: "high", category: "high", condition: "low", price: "low" },
};

describe("fieldReasons", () => {
  it("explains a hosted model's empty and uncertain fields from its answer", () => {
    expect(fieldReasons({ suggestion: hosted })).toEqual({
      condition: "condition can't be seen in a photo",
      price: "a rough guess from the photo: compare with similar listings",
    });
    expect(fieldReasons({ suggestion: { ...hosted, priceEur: null, confidence: { ...hosted.confidence, category: "low" } } })).toMatchObject({
      category: "the model wasn't sure which category fits",
      price: "the model couldn't judge a price from the photo",
    });
  });

  it("quotes a model that explains itself", () => {
    const notes = { seen: [{ item: "a vase", confidence: "high" as const }], reasons: { price: "no similar listings to price from yet", brand: "no brands" } };
    expect(fieldReasons({ suggestion: { ...hosted, priceEur: null }, notes })).toMatchObject({ price: "no similar listings to price from yet", brand: "no brands" });
  });

  it("gives no reasons when nothing was recognised: the form stays plain", () => {
    const nothing = { ...hosted, title: "", confidence: { title: "low", category: "low", condition: "low", price: "low" } } as const;
    expect(recognisedNothing({ suggestion: nothing })).toBe(true);
    expect(fieldReasons({ suggestion: nothing })).toEqual({});
  });
});

describe("describeSeen", () => {
  it("puts the reader's view in plain words", () => {
    expect(
      describeSeen({
        seen: [
          { item: "a bicycle", confidence: "high" },
          { item: "a potted plant", confidence: "low" },
        ],
        reasons: {},
      }),
    ).toBe("a bicycle (high), a potted plant (low)");
    expect(describeSeen(null)).toBeNull();
    expect(describeSeen({ seen: [], reasons: {} })).toBe("");
  });
});
