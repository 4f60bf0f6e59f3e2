import { z } from "zod";
import { describe, expect, it } from "vitest";
import { DEFAULT_FIXTURE } from "./mock-fixtures";
import { fieldsToCheck, listingSuggestionSchema } from "./output-schema";

describe("listingSuggestionSchema", () => {
  it("accepts a complete suggestion, and nulls where the photo shows nothing", () => {
    expect(listingSuggestionSchema.safeParse(DEFAULT_FIXTURE).success).toBe(true);
    const unsure = { ...DEFAULT_FIXTURE, condition: null, priceEur: null, brand: null, attributes: { colour: null, material: null, size: null } };
    expect(listingSuggestionSchema.safeParse(unsure).success).toBe(true);
  });

  it.each([
    ["an unknown category", { category: "Pottery" }],
    ["an unknown condition", { condition: "used" }],
    ["a price in words", { priceEur: "twenty" }],
    ["a negative price", { priceEur: -5 }],
    ["a missing title", { title: undefined }],
    ["an unknown confidence level", { confidence: { ...DEFAULT_FIXTURE.confidence, price: "unsure" } }],
  ])("rejects %s", (_label, change) => {
    expect(listingSuggestionSchema.safeParse({ ...DEFAULT_FIXTURE, ...change }).success).toBe(false);
  });

  it("describes every field to the model, nested ones included", () => {
    const undescribed: string[] = [];
    const visit = (schema: z.ZodType, path: string) => {
      if (!schema.description) undescribed.push(path);
      const inner = schema instanceof z.ZodNullable ? schema.unwrap() : schema;
      if (inner instanceof z.ZodObject) {
        for (const [key, child] of Object.entries(inner.shape)) visit(child as z.ZodType, `${path}.${key}`);
      }
    };
    for (const [key, child] of Object.entries(listingSuggestionSchema.shape)) visit(child, key);
    expect(undescribed).toEqual([]);
  });

  it("turns into a JSON schema OpenAI's strict mode accepts: every property required, no extras", () => {
    const check = (schema: Record<string, unknown>, path: string) => {
      if (schema.type !== "object") return;
      const properties = schema.properties as Record<string, Record<string, unknown>>;
      expect(schema.additionalProperties, path).toBe(false);
      expect([...(schema.required as string[])].sort(), path).toEqual(Object.keys(properties).sort());
      for (const [key, child] of Object.entries(properties)) check(child, `${path}.${key}`);
    };
    check(z.toJSONSchema(listingSuggestionSchema) as Record<string, unknown>, "suggestion");
  });

  it("asks the seller to check the fields the model is unsure of", () => {
    expect(fieldsToCheck(DEFAULT_FIXTURE)).toEqual(["price"]);
  });
});
