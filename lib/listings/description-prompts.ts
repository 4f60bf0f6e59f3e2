import type { Category } from "./options";

// What buyers ask about each kind of item. The built-in model (lib/ai/local-vision) writes them
// into the description as lines ending in a placeholder for the seller to complete; the listing
// schema refuses to publish a line that still holds the placeholder.

export const DESCRIPTION_PLACEHOLDER = "…";

export const DESCRIPTION_PROMPTS: Record<Category, string[]> = {
  Electronics: ["Brand and model", "Age and how much it was used", "Does everything work? Any scratches or faults", "Included (charger, cables, box)"],
  Furniture: ["Brand or maker", "Size (width × depth × height)", "Material and finish", "Marks, wear or repairs", "Collection or delivery"],
  Clothing: ["Brand", "Size", "Material", "How often worn; any marks or damage"],
  Vehicles: ["Make, model and year", "Mileage", "Service history and next inspection", "Known faults or repairs"],
  Sports: ["Brand and model", "Size", "How much it was used; any wear", "Included"],
  "Home & Garden": ["Brand", "Size or capacity", "Does it work? Any chips, marks or wear", "Included"],
  Books: ["Title and author", "Edition and year", "Cover and pages: any marks, notes or loose pages"],
  "Toys & Kids": ["Brand and age range", "Complete? Any missing pieces", "Wear or marks"],
  Other: ["What it is", "Brand and model", "Size", "Condition and any faults", "Included"],
};

/** "Brand and model: …": one line of the skeleton, still to be completed. */
export function promptLine(prompt: string): string {
  return `${prompt}: ${DESCRIPTION_PLACEHOLDER}`;
}

const UNFILLED_LINES = new Set(Object.values(DESCRIPTION_PROMPTS).flat().map(promptLine));

/** The skeleton lines a description still holds unchanged, in order. */
export function unfilledPromptLines(description: string): string[] {
  return description
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => UNFILLED_LINES.has(line));
}
