"use server";

import { revalidatePath } from "next/cache";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import * as sellerListings from "@/lib/db/queries/seller-listings";
import * as manageListings from "@/lib/sell/manage-listings";
import { listingDeletionSchema, listingStatusChangeSchema } from "@/lib/listings/listing-schema";
import { sellerFailure, SIGNED_OUT_MESSAGE } from "@/lib/sell/seller-failures";

function revalidateListing(listingId: string) {
  revalidatePath("/");
  revalidatePath("/my-listings");
  revalidatePath(`/listings/${listingId}`);
}

export async function setListingStatus(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT_MESSAGE);
  const parsed = listingStatusChangeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0].message);
  const { listingId, status } = parsed.data;
  const changed = await sellerListings.setListingStatus(user.id, listingId, status);
  if (!changed.ok) return sellerFailure(changed.reason);
  revalidateListing(listingId);
  return { ok: true };
}

export async function deleteListing(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT_MESSAGE);
  const parsed = listingDeletionSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0].message);
  const deleted = await manageListings.deleteListing(user.id, parsed.data.listingId);
  if (!deleted.ok) return sellerFailure(deleted.reason);
  revalidateListing(parsed.data.listingId);
  return { ok: true };
}
