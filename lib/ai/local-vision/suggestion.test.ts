import { describe, expect, it, vi } from "vitest";
import { fieldsToCheck, listingSuggestionSchema } from "@/lib/ai/output-schema";
import { COCO_CLASSES } from "./coco-classes";
import type { Detection } from "./detections";
import { describeReading } from "./notes";
import { buildSuggestion, roundPrice } from "./suggestion";

const detection = (label: string, score: number): Detection => ({
  cocoClass: COCO_CLASSES.find((cocoClass) => cocoClass.label === label)!,
  score,
  x1: 100,
  y1: 100,
  x2: 300,
  y2: 300,
});

describe("buildSuggestion", () => {
  it("answers in the output schema: item and colour as the title, the category, no invented facts", async () => {
    const lookUpPrice = vi.fn(async () => 450);
    const suggestion = await buildSuggestion({ detection: detection("laptop", 0.67), count: 1 }, "black", lookUpPrice);
    expect(listingSuggestionSchema.parse(suggestion)).toEqual(suggestion);
    expect(suggestion).toMatchObject({
      title: "Black laptop",
      category: "Electronics",
      condition: null,
      priceEur: 450,
      brand: null,
      attributes: { colour: "black", material: null, size: null },
      confidence: { title: "high", category: "high", condition: "low", price: "low" },
    });
    expect(lookUpPrice).toHaveBeenCalledWith({ category: "Electronics", item: "laptop" });
    // Nothing unfinished as text: what buyers ask is the form's placeholder and chips, not the suggestion.
    expect(suggestion.description).toBe("");
    expect(fieldsToCheck(suggestion)).toEqual(["condition", "price"]);
  });

  it("is less sure of a weaker detection, leaves out a colour it could not tell, and has no price without comparables", async () => {
    const suggestion = await buildSuggestion({ detection: detection("couch", 0.36), count: 1 }, null, async () => null);
    expect(suggestion).toMatchObject({ title: "Sofa", category: "Furniture", priceEur: null, confidence: { title: "medium", category: "medium" } });
  });

  it("names several of a kind in the plural", async () => {
    const suggestion = await buildSuggestion({ detection: detection("book", 0.42), count: 5 }, "red", async () => null);
    expect(suggestion).toMatchObject({ title: "Books", category: "Books", attributes: { colour: null } });
  });

  it("abstains through the confidence: nothing guessed, every field for the seller to check", async () => {
    const lookUpPrice = vi.fn(async () => 10);
    const suggestion = await buildSuggestion(null, null, lookUpPrice);
    expect(listingSuggestionSchema.parse(suggestion)).toEqual(suggestion);
    expect(suggestion).toMatchObject({ title: "", condition: null, priceEur: null, confidence: { title: "low", category: "low", condition: "low", price: "low" } });
    expect(fieldsToCheck(suggestion)).toEqual(["title", "category", "condition", "price"]);
    expect(suggestion.description).toBe("");
    expect(lookUpPrice).not.toHaveBeenCalled();
  });
});

describe("describeReading (what the reader tells the seller)", () => {
  it("says what it saw, surest first, and why each field it left is left", async () => {
    const seen = [detection("bicycle", 0.79), detection("potted plant", 0.3), detection("bicycle", 0.4), detection("person", 0.1)];
    const reading = { detection: seen[0], count: 1 };
    const suggestion = await buildSuggestion(reading, "red", async () => null);
    const notes = describeReading(seen, reading, suggestion);
    expect(notes.seen).toEqual([
      { item: "a bicycle", confidence: "high" },
      { item: "a potted plant", confidence: "low" },
    ]);
    expect(notes.reasons).toMatchObject({ condition: "condition can't be seen in a photo", price: "no similar listings to price from yet" });
    expect(notes.reasons.title).toBeUndefined();
    expect(suggestion.attributes.colour).toBe("red");
    expect(suggestion.title).toBe("Red bicycle");
  });

  it("says when it recognised nothing, and why it would not trust a class that fires on anything", async () => {
    const nothing = describeReading([], null, await buildSuggestion(null, null, async () => null));
    expect(nothing.seen).toEqual([]);
    expect(nothing.reasons.category).toMatch(/didn't recognise anything/);
    const vase = describeReading([detection("vase", 0.33)], null, await buildSuggestion(null, null, async () => null));
    expect(vase.seen).toEqual([{ item: "a vase", confidence: "low" }]);
    expect(vase.reasons.category).toMatch(/a little like a vase, but the reader sees those in photos of many other things/);
  });
});

describe("roundPrice", () => {
  it("asks a price a seller would: whole euros, then fives, then tens", () => {
    expect(roundPrice(12.4)).toBe(12);
    expect(roundPrice(0.2)).toBe(1);
    expect(roundPrice(47)).toBe(45);
    expect(roundPrice(433)).toBe(430);
  });
});
