import { z } from "zod";
import { withoutControlCharacters } from "@/lib/plain-text";
import { withoutUnfilledPrompts } from "./description-prompts";
import { CATEGORIES, CONDITIONS, LISTING_STATUSES, MAX_PHOTOS } from "./options";

export const MAX_PRICE_EUR = 1_000_000;
export const MAX_DESCRIPTION_LENGTH = 5000;

const PRICE_FORMAT = "Enter the price in euros as a number, like 25 or 25.50.";
const PRICE_NEGATIVE = "The price can't be negative. Enter 0 to give it away.";
const PRICE_TOO_HIGH = `The highest price Trova accepts is €${MAX_PRICE_EUR.toLocaleString("en-IE")}.`;

// Euros with up to two decimals; a comma works as the decimal mark too ("12,50"), as many
// European sellers type it. Thousands separators are not accepted: "1,000" is ambiguous.
const EUROS_PATTERN = /^(\d+)(?:[.,](\d{1,2}))?$/;

/** A price as a seller types it (or a number) in EUR → integer cents, with a message they understand. */
export const priceSchema = z.union([z.string(), z.number()], { error: PRICE_FORMAT }).transform((value, context) => {
  const cents = typeof value === "number" ? numberToCents(value) : textToCents(value);
  if (typeof cents === "string") {
    context.addIssue({ code: "custom", message: cents });
    return z.NEVER;
  }
  return cents;
});

function numberToCents(value: number): number | string {
  if (!Number.isFinite(value)) return PRICE_FORMAT;
  if (value < 0) return PRICE_NEGATIVE;
  if (value > MAX_PRICE_EUR) return PRICE_TOO_HIGH;
  const cents = Math.round(value * 100);
  // Float noise (19.99 * 100 = 1998.9999…) is fine; a third decimal is not.
  return Math.abs(cents - value * 100) < 1e-6 ? cents : "Prices go down to the cent: use at most 2 decimals.";
}

function textToCents(text: string): number | string {
  const trimmed = text.trim().replace(/^€\s*|\s*€$/g, "");
  if (trimmed === "") return "Enter a price in euros (0 to give it away).";
  if (/^-\s*\d/.test(trimmed)) return PRICE_NEGATIVE;
  const match = EUROS_PATTERN.exec(trimmed);
  if (!match) return /^\d+[.,]\d{3,}$/.test(trimmed) ? "Prices go down to the cent: use at most 2 decimals." : PRICE_FORMAT;
  const euros = Number(match[1]);
  const cents = euros * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return cents > MAX_PRICE_EUR * 100 ? PRICE_TOO_HIGH : cents;
}

/** Cents → what the price field shows when editing: "25" or "25.50". */
export function centsToPriceInput(priceCents: number): string {
  return priceCents % 100 === 0 ? String(priceCents / 100) : (priceCents / 100).toFixed(2);
}

/** The listing form and its server actions both parse with this; the output carries `priceCents`. */
export const listingSchema = z
  .object({
    title: z
      .string({ error: "Give your listing a title." })
      .overwrite(withoutControlCharacters)
      .trim()
      .min(3, "The title needs at least 3 characters.")
      .max(120, "Keep the title under 120 characters."),
    description: z
      .string({ error: "The description must be text." })
      .overwrite(withoutControlCharacters)
      .trim()
      .max(MAX_DESCRIPTION_LENGTH, "Keep the description under 5,000 characters.")
      // A prompt line the seller inserted and left unanswered says nothing: it is left out, never refused.
      .overwrite(withoutUnfilledPrompts)
      .default(""),
    category: z.enum(CATEGORIES, { error: "Choose a category." }),
    condition: z.enum(CONDITIONS, { error: "Choose the item's condition." }),
    price: priceSchema,
    // A town's label from the gazetteer; the server resolves it to coordinates (lib/sell/listing-place.ts).
    place: z
      .string({ error: "Choose the town or city where the item is." })
      .overwrite(withoutControlCharacters)
      .trim()
      .min(1, "Choose the town or city where the item is.")
      .max(100, "Choose the town or city from the list."),
    photoIds: z
      .array(z.uuid({ error: "One of the photos is not valid. Remove it and add it again." }), { error: "Add at least one photo." })
      .min(1, "Add at least one photo.")
      .max(MAX_PHOTOS, `A listing can have up to ${MAX_PHOTOS} photos.`)
      .refine((ids) => new Set(ids).size === ids.length, "Each photo can only appear once."),
  })
  .transform(({ price, ...fields }) => ({ ...fields, priceCents: price }));

/** What the form holds while a seller types (the AI pre-fill will suggest these too). */
export type ListingFormValues = {
  title: string;
  description: string;
  category: z.input<typeof listingSchema>["category"] | "";
  condition: z.input<typeof listingSchema>["condition"] | "";
  price: string;
  place: string;
};

export type ListingInput = z.output<typeof listingSchema>;

/** A listing ready to store: its place resolved to the gazetteer's label and coordinates. */
export type PlacedListingInput = Omit<ListingInput, "place"> & { placeName: string; placeLat: number; placeLng: number };

const listingIdSchema = z.uuid({ error: "That listing doesn't exist or isn't yours." });

/** The my-listings buttons: which listing, and the status to give it. */
export const listingStatusChangeSchema = z.object({
  listingId: listingIdSchema,
  status: z.enum(LISTING_STATUSES, { error: "Choose active, reserved or sold." }),
  /** With "sold": the buyer it went to, one of the people who wrote about it (or none). */
  soldToId: z.string({ error: "Choose who bought it." }).min(1).max(200).nullable().optional(),
});

export const listingDeletionSchema = z.object({ listingId: listingIdSchema });
