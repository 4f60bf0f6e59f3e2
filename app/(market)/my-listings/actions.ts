"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { invalidateListing } from "@/lib/catalogue/cached-reads";
import { notifySoldTo } from "@/lib/buyers/events";
import { getListingBuyers } from "@/lib/db/queries/sellers";
import { getListingById } from "@/lib/db/queries/listings";
import * as sellerListings from "@/lib/db/queries/seller-listings";
import * as manageListings from "@/lib/sell/manage-listings";
import { listingDeletionSchema, listingStatusChangeSchema } from "@/lib/listings/listing-schema";
import { sellerFailure, SIGNED_OUT_MESSAGE } from "@/lib/sell/seller-failures";

async function getListingTitle(listingId: string): Promise<string> {
  return (await getListingById(listingId))?.title ?? "your purchase";
}

function revalidateListing(listingId: string) {
  invalidateListing(listingId);
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
  const soldToId = status === "sold" ? (parsed.data.soldToId ?? null) : null;
  // Only someone who wrote about the listing can be named: that is who may review the seller.
  const buyer = soldToId ? (await getListingBuyers(user.id, listingId)).find((candidate) => candidate.id === soldToId) : undefined;
  if (soldToId && !buyer) return { ok: false, error: "Choose one of the people who wrote to you about it.", fieldErrors: { soldToId: ["Choose one of the people who wrote to you about it."] } };
  const changed = await sellerListings.setListingStatus(user.id, listingId, status, soldToId);
  if (!changed.ok) return sellerFailure(changed.reason);
  if (buyer) {
    const title = await getListingTitle(listingId);
    after(() => notifySoldTo(buyer.id, user.name, listingId, title));
  }
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
