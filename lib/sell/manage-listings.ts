import * as sellerListings from "@/lib/db/queries/seller-listings";
import type { SellerMutationResult } from "@/lib/db/queries/seller-listings";
import { deleteImageFiles } from "@/lib/images";
import type { PlacedListingInput } from "@/lib/listings/listing-schema";

// A seller's changes that take photos off a listing: the rows go in the query's transaction,
// the files only after it commits, so a rolled-back change never loses a photo.

/** Saves fields and the photo set; photos taken off the listing are deleted, rows and files. */
export async function updateListing(sellerId: string, listingId: string, input: PlacedListingInput): Promise<SellerMutationResult> {
  const result = await sellerListings.updateListing(sellerId, listingId, input);
  if (!result.ok) return result;
  await deleteImageFiles(result.removedStorageKeys);
  return { ok: true };
}

/** Deletes the listing, its photos (rows and files) and, by cascade, its conversations. */
export async function deleteListing(sellerId: string, listingId: string): Promise<SellerMutationResult> {
  const result = await sellerListings.deleteListing(sellerId, listingId);
  if (!result.ok) return result;
  await deleteImageFiles(result.removedStorageKeys);
  return { ok: true };
}
