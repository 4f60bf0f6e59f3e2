import type { ListingSuggestion } from "@/lib/ai/output-schema";
import type { ReaderNotes } from "@/lib/ai/reader-notes";

/** The fields a reason can be given for (all of them sell-draft's suggestible fields). */
export type ExplainedField = "title" | "category" | "condition" | "price" | "brand" | "colour";

// Why a field the suggestion left empty, or marked for checking, is that way: in plain words,
// under the field. A model that explains itself (the built-in reader's notes) is quoted; for any
// other model the reason is read from its answer (a null price, a low confidence).

type Explained = { suggestion: ListingSuggestion; notes?: ReaderNotes | null };

/** Nothing filled in: no title and no category the model would stand by. The form then stays plain. */
export function recognisedNothing({ suggestion }: Pick<Explained, "suggestion">): boolean {
  return suggestion.title.trim() === "" && suggestion.confidence.category === "low";
}

export function fieldReasons({ suggestion, notes }: Explained): Partial<Record<ExplainedField, string>> {
  if (recognisedNothing({ suggestion })) return {};
  const { confidence } = suggestion;
  const from = notes?.reasons ?? {};
  const reasons: Partial<Record<ExplainedField, string>> = {};
  if (suggestion.title.trim() === "" || confidence.title === "low") reasons.title = from.title ?? "the model wasn't sure what the item is";
  if (confidence.category === "low") reasons.category = from.category ?? "the model wasn't sure which category fits";
  if (suggestion.condition === null) reasons.condition = from.condition ?? "condition can't be seen in a photo";
  else if (confidence.condition === "low") reasons.condition = from.condition ?? "hard to judge from a photo";
  if (suggestion.priceEur === null) reasons.price = from.price ?? "the model couldn't judge a price from the photo";
  else if (confidence.price === "low") reasons.price = from.price ?? "a rough guess from the photo: compare with similar listings";
  if (suggestion.brand === null && from.brand) reasons.brand = from.brand;
  if (suggestion.attributes.colour === null && from.colour) reasons.colour = from.colour;
  return reasons;
}

/** "a bicycle (high), a potted plant (low)": the reader's view, or null when it gave none. */
export function describeSeen(notes: ReaderNotes | null | undefined): string | null {
  if (!notes) return null;
  return notes.seen.map((entry) => `${entry.item} (${entry.confidence})`).join(", ");
}
