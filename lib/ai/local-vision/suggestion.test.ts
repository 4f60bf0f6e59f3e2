import { describe, expect, it, vi } from "vitest";
import { fieldsToCheck, listingSuggestionSchema } from "@/lib/ai/output-schema";
import { COCO_CLASSES } from "./coco-classes";
import type { Detection } from "./detections";
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
    // A skeleton of what buyers ask, for the seller to complete.
    expect(suggestion.description).toMatch(/^Black laptop\.\nBrand and model: …\n/);
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
    expect(suggestion.description).toContain("What it is: …");
    expect(lookUpPrice).not.toHaveBeenCalled();
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
