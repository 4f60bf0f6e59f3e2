"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import * as sellerListings from "@/lib/db/queries/seller-listings";
import { imageUrl, storeUploadedImage } from "@/lib/images";
import { listingSchema } from "@/lib/listings/listing-schema";
import { sellerFailure, SIGNED_OUT_MESSAGE } from "@/lib/listings/seller-failures";

export type UploadedPhoto = { id: string; thumbUrl: string };

/** One photo per call, so each file gets its own answer and the 16 MB action body cap fits one photo. */
export async function uploadListingPhoto(formData: FormData): Promise<ActionResult<{ photo: UploadedPhoto }>> {
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT_MESSAGE);
  const file = formData.get("photo");
  if (!(file instanceof File)) return failure("Choose a photo to upload.");
  const stored = await storeUploadedImage(Buffer.from(await file.arrayBuffer()), user.id);
  if (!stored.ok) return failure(stored.error);
  return { ok: true, photo: { id: stored.image.id, thumbUrl: imageUrl(stored.image.storageKey, "thumb") } };
}

export async function createListing(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT_MESSAGE);
  const parsed = listingSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const created = await sellerListings.createListing(user.id, parsed.data);
  if (!created.ok) return sellerFailure(created.reason);
  revalidatePath("/");
  revalidatePath("/my-listings");
  redirect(`/listings/${created.id}`);
}
