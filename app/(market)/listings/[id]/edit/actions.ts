"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import * as sellerListings from "@/lib/db/queries/seller-listings";
import { listingSchema } from "@/lib/listings/listing-schema";
import { sellerFailure, SIGNED_OUT_MESSAGE } from "@/lib/listings/seller-failures";

export async function updateListing(listingId: unknown, input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT_MESSAGE);
  const parsed = listingSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  // A malformed id is handled by the query like any id that is not this seller's.
  const id = String(listingId);
  const updated = await sellerListings.updateListing(user.id, id, parsed.data);
  if (!updated.ok) return sellerFailure(updated.reason);
  revalidatePath("/");
  revalidatePath("/my-listings");
  revalidatePath(`/listings/${id}`);
  redirect(`/listings/${id}`);
}
