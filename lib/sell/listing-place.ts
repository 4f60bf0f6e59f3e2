import type { ListingInput, PlacedListingInput } from "@/lib/listings/listing-schema";
import { findPlace } from "@/lib/places/gazetteer";

export const UNKNOWN_PLACE_MESSAGE = "Trova doesn't know that place. Start typing your town and pick it from the list.";

/**
 * The listing with its place looked up in the gazetteer, or a refusal shown beside the field.
 * The stored name is the gazetteer's label, so "galway" is saved and shown as "Galway".
 */
export function placeListing({ place, ...listing }: ListingInput):
  | { ok: true; listing: PlacedListingInput }
  | { ok: false; error: string; fieldErrors: { place: string[] } } {
  const found = findPlace(place);
  if (!found) return { ok: false, error: "Please check the highlighted fields.", fieldErrors: { place: [UNKNOWN_PLACE_MESSAGE] } };
  return { ok: true, listing: { ...listing, placeName: found.label, placeLat: found.lat, placeLng: found.lng } };
}
