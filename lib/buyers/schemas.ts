import { z } from "zod";
import { priceSchema } from "@/lib/listings/listing-schema";
import { withoutControlCharacters } from "@/lib/plain-text";

// The buyer-side forms and their server actions parse with these.

const listingId = z.uuid({ error: "That listing doesn't exist." });

export const savedListingSchema = z.object({ listingId });

export const saveSearchSchema = z.object({
  query: z.string({ error: "There is no search to save." }).max(4000, "This search is too long to save."),
});

export const savedSearchChangeSchema = z.object({
  savedSearchId: z.uuid({ error: "That saved search doesn't exist." }),
  paused: z.boolean().optional(),
});

const amount = priceSchema.refine((cents) => cents > 0, "Offer at least €1.");

export const listingOfferSchema = z.object({ listingId, amount });
export const counterOfferSchema = z.object({ conversationId: z.uuid({ error: "That conversation doesn't exist." }), amount });
export const offerResponseSchema = z.object({
  offerId: z.uuid({ error: "That offer doesn't exist." }),
  response: z.enum(["accept", "decline"], { error: "Accept or decline the offer." }),
});

export const REVIEW_MAX_LENGTH = 500;
export const reviewSchema = z.object({
  listingId,
  rating: z.coerce.number({ error: "Choose from 1 to 5 stars." }).int("Choose from 1 to 5 stars.").min(1, "Choose from 1 to 5 stars.").max(5, "Choose from 1 to 5 stars."),
  body: z
    .string({ error: "The review must be text." })
    .overwrite(withoutControlCharacters)
    .trim()
    .max(REVIEW_MAX_LENGTH, `Keep the review under ${REVIEW_MAX_LENGTH} characters.`)
    .default(""),
});
