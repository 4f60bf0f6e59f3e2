import { z } from "zod";
import { CATEGORIES, CONDITIONS } from "@/lib/listings/options";

// The model's answer for one photo. Each .describe() is part of the model's instruction (the
// JSON schema sent with the request), so it says what a good value is and when to leave it out.
// Every field is required-but-nullable rather than optional: OpenAI's strict structured outputs
// accept only that shape.

const confidenceLevel = z
  .enum(["high", "medium", "low"])
  .describe("high: clearly visible in the photo; medium: a reasonable guess; low: the photo does not really show it");

export const listingSuggestionSchema = z.object({
  title: z
    .string()
    .max(120)
    .describe(
      "Listing title as a private seller writes it: brand and model when readable, then the item and one key detail, e.g. 'IKEA Poäng armchair, birch'. At most 80 characters, no emoji, no ALL CAPS, no price.",
    ),
  description: z
    .string()
    .max(2000)
    .describe(
      "Two to four short sentences in the first person, plain and factual, like a private seller: what it is, what is visible about its state. Never invent flaws, accessories, history or specifications that the photo does not show; leave those for the seller to add.",
    ),
  category: z.enum(CATEGORIES).describe("The one marketplace category a buyer would browse to find this item."),
  condition: z
    .enum(CONDITIONS)
    .nullable()
    .describe(
      "Visible condition: new (sealed or tags on), like_new (no visible wear), good (light wear), fair (clear wear or small damage), for_parts (broken). null when the photo cannot show it.",
    ),
  priceEur: z
    .number()
    .min(0)
    .max(1_000_000)
    .nullable()
    .describe("A fair asking price in euros for this item used, on a European second-hand marketplace. A whole number. null when you cannot judge."),
  brand: z.string().max(60).nullable().describe("The brand when a logo or name is readable or the design is unmistakable; otherwise null."),
  attributes: z
    .object({
      colour: z.string().max(40).nullable().describe("Main colour in plain English, e.g. 'black', 'light grey'; null if unclear."),
      material: z.string().max(40).nullable().describe("Main visible material, e.g. 'oak', 'leather', 'aluminium'; null if unclear."),
      size: z.string().max(40).nullable().describe("A size only when printed or measurable from the photo (e.g. 'EU 42', '27 inch'); otherwise null."),
    })
    .describe("Details a buyer filters on, only when visible."),
  confidence: z
    .object({
      title: confidenceLevel,
      category: confidenceLevel,
      condition: confidenceLevel,
      price: confidenceLevel,
    })
    .describe("How sure you are of each field. The seller is asked to check every field marked low."),
});

export type ListingSuggestion = z.infer<typeof listingSuggestionSchema>;
export type ConfidenceLevel = z.infer<typeof confidenceLevel>;

/** Fields the sell form highlights for the seller to check. */
export function fieldsToCheck(suggestion: ListingSuggestion): (keyof ListingSuggestion["confidence"])[] {
  return (Object.keys(suggestion.confidence) as (keyof ListingSuggestion["confidence"])[]).filter(
    (field) => suggestion.confidence[field] === "low",
  );
}

/** How many of a listing's required fields (title, category, condition, price) the answer leaves empty. */
export function countEmptyRequiredFields(suggestion: ListingSuggestion): number {
  return [suggestion.title.trim() === "", !suggestion.category, suggestion.condition === null, suggestion.priceEur === null].filter(Boolean).length;
}
