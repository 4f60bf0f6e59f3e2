import type { Category } from "./options";

// What buyers ask about each kind of item. The listing form shows them as the description's
// placeholder and as chips that insert "Brand and model: " for the seller to complete; they are
// never suggested as text. Drafts from before may still hold the old skeleton's unfinished
// "Brand and model: …" lines: those are dropped at publish (the listing schema), never refused.

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

/** The prompts for a category, or the general ones before a category is chosen. */
export function descriptionPrompts(category: Category | ""): string[] {
  return DESCRIPTION_PROMPTS[category || "Other"];
}

/** The description's placeholder: what buyers ask, as one line. */
export function descriptionPlaceholder(category: Category | ""): string {
  return `Buyers ask about: ${descriptionPrompts(category).join("; ").toLowerCase()}.`;
}

/** The description with a prompt added on a line of its own, for the seller to complete. */
export function insertPrompt(description: string, prompt: string): string {
  const trimmed = description.replace(/\s+$/, "");
  return `${trimmed ? `${trimmed}\n` : ""}${prompt}: `;
}

/** Whether the description already has a line for this prompt. */
export function hasPrompt(description: string, prompt: string): boolean {
  return description.split("\n").some((line) => line.trim().toLowerCase().startsWith(`${prompt.toLowerCase()}:`));
}

const UNFILLED_LINES = new Set(Object.values(DESCRIPTION_PROMPTS).flat().flatMap((prompt) => [`${prompt}: ${DESCRIPTION_PLACEHOLDER}`, `${prompt}:`]));

/** The description without prompt lines the seller left unanswered ("Size: …", "Size:"). */
export function withoutUnfilledPrompts(description: string): string {
  return description
    .split("\n")
    .filter((line) => !UNFILLED_LINES.has(line.trim()))
    .join("\n")
    .trim();
}
