import type { ConfidenceLevel, ListingSuggestion } from "@/lib/ai/output-schema";
import type { Category } from "@/lib/listings/options";
import type { Reading } from "./detections";

// Turns what the detector read into the same answer a language model gives (output-schema.ts).
// A detector knows what an item is and roughly its colour, nothing else: the condition, brand,
// material and size are left to the seller. The description is left empty: the sell form shows
// what buyers ask about such an item as the field's placeholder and as chips the seller can
// insert (lib/listings/description-prompts.ts), so nothing unfinished is ever suggested as text.

/** A price from comparable Trova listings, in euros, or null when there are too few. */
export type PriceLookup = (query: { category: Category; item: string }) => Promise<number | null>;

// A detection this sure is usually right about what the item is (eval photos); below, medium.
const HIGH_CONFIDENCE_SCORE = 0.5;
// When the model abstains the schema still needs a category; the form leaves a low-confidence
// category for the seller to pick (lib/sell/sell-draft.ts), so this value is never shown as a guess.
const ABSTAINED_CATEGORY: Category = "Other";

export async function buildSuggestion(reading: Reading, colour: string | null, lookUpPrice: PriceLookup): Promise<ListingSuggestion> {
  if (!reading) {
    return {
      title: "",
      description: "",
      category: ABSTAINED_CATEGORY,
      condition: null,
      priceEur: null,
      brand: null,
      attributes: { colour: null, material: null, size: null },
      confidence: { title: "low", category: "low", condition: "low", price: "low" },
    };
  }
  const { detection, count } = reading;
  const { cocoClass } = detection;
  const category = cocoClass.category ?? ABSTAINED_CATEGORY;
  const several = count >= 3;
  const title = several ? capitalise(cocoClass.items) : capitalise(colour ? `${colour} ${cocoClass.item}` : cocoClass.item);
  const sure: ConfidenceLevel = detection.score >= HIGH_CONFIDENCE_SCORE ? "high" : "medium";
  const priceEur = await lookUpPrice({ category, item: cocoClass.item });
  return {
    title,
    description: "",
    category,
    condition: null,
    priceEur,
    brand: null,
    attributes: { colour: several ? null : colour, material: null, size: null },
    // The condition is the seller's to say; a price from other listings is a starting point to check.
    confidence: { title: sure, category: sure, condition: "low", price: "low" },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A seller-like asking price: whole euros, rounded to 5 from 20 and to 10 from 200. */
export function roundPrice(euros: number): number {
  if (euros >= 200) return Math.round(euros / 10) * 10;
  if (euros >= 20) return Math.round(euros / 5) * 5;
  return Math.max(1, Math.round(euros));
}
