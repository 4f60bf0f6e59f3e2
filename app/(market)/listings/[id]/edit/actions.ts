"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { invalidateListing } from "@/lib/catalogue/cached-reads";
import { fullCopiesStored } from "@/lib/images";
import * as manageListings from "@/lib/sell/manage-listings";
import { listingSchema } from "@/lib/listings/listing-schema";
import { placeListing } from "@/lib/sell/listing-place";
import { sellerFailure, SIGNED_OUT_MESSAGE } from "@/lib/sell/seller-failures";
import { flagListingPhotos } from "@/lib/safety/photo-screening";
import { suspensionRefusal } from "@/lib/safety/suspension";

export async function updateListing(listingId: unknown, input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT_MESSAGE);
  const parsed = listingSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  // Anything but a uuid is answered like an id that is not this seller's.
  const listingIdParsed = z.uuid().safeParse(listingId);
  if (!listingIdParsed.success) return sellerFailure("not-found");
  const id = listingIdParsed.data;
  const suspended = await suspensionRefusal(user.id, "publish or change listings");
  if (suspended) return failure(suspended);
  const placed = placeListing(parsed.data);
  if (!placed.ok) return placed;
  if (!(await fullCopiesStored(placed.listing.photoIds))) return sellerFailure("photos-unavailable");
  const updated = await manageListings.updateListing(user.id, id, placed.listing);
  if (!updated.ok) return sellerFailure(updated.reason);
  await flagListingPhotos(id);
  invalidateListing(id);
  revalidatePath("/");
  revalidatePath("/my-listings");
  revalidatePath(`/listings/${id}`);
  redirect(`/listings/${id}`);
}
