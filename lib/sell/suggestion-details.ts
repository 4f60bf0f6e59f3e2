import { z } from "zod";
import { withoutControlCharacters } from "@/lib/plain-text";
import { MAX_DESCRIPTION_LENGTH } from "@/lib/listings/listing-schema";
import type { DetailField, SuggestionDetails } from "./sell-draft";

// Brand, colour, material and size have no columns of their own (listings keep title, description,
// category, condition and price). What the seller keeps of them is stored with the suggestion
// (listings.ai_suggestion) and, when the description does not say it yet, added to its end.

const DETAIL_LABELS: Record<DetailField, string> = { brand: "Brand", colour: "Colour", material: "Material", size: "Size" };

const detail = (max: number) => z.string().overwrite(withoutControlCharacters).trim().max(max);

export const suggestionDetailsSchema = z.object({ brand: detail(60), colour: detail(40), material: detail(40), size: detail(40) });

/**
 * What createListing receives besides the listing: the AI call behind the form, when there was
 * one, and the details as the seller left them. The suggestion itself is read from the call's record.
 */
export const publishedSuggestionSchema = z.object({ callId: z.uuid(), details: suggestionDetailsSchema });
export type PublishedSuggestion = z.infer<typeof publishedSuggestionSchema>;

function mentions(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/** "Brand: IKEA. Size: EU 42." for the kept details that the title and description do not mention. */
export function unmentionedDetails(details: SuggestionDetails, title: string, description: string): string {
  const text = `${title}\n${description}`;
  return (Object.keys(DETAIL_LABELS) as DetailField[])
    .map((field) => [field, details[field].trim()] as const)
    .filter(([, value]) => value && !mentions(text, value))
    .map(([field, value]) => `${DETAIL_LABELS[field]}: ${value}.`)
    .join(" ");
}

/**
 * The description as published: the seller's text, then the details it leaves out on a line of
 * their own. The line is a courtesy: it is left off when it would make the description too long.
 */
export function describeWithDetails(description: string, title: string, details: SuggestionDetails): string {
  const extra = unmentionedDetails(details, title, description);
  const trimmed = description.trim();
  const combined = trimmed ? `${trimmed}\n\n${extra}` : extra;
  return extra && combined.length <= MAX_DESCRIPTION_LENGTH ? combined : description;
}
