import type { OfferRefusal } from "@/lib/db/queries/offers";

/** An offer refused by the database rules (lib/db/queries/offers.ts), as the user reads it. */
export const OFFER_REFUSALS: Record<OfferRefusal, string> = {
  "not-found": "This offer or listing no longer exists.",
  "own-listing": "This is your own listing: you cannot make an offer on it.",
  "not-available": "This listing is reserved or sold, so it takes no offers now.",
  "not-pending": "This offer has already been answered or replaced.",
  blocked: "You can't reply to this conversation.",
};
