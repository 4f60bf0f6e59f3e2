"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { listingSuggestionSchema } from "@/lib/ai/output-schema";
import { getCurrentUser } from "@/lib/auth/session";
import { matchSavedSearchesInBackground } from "@/lib/buyers/match-saved-searches";
import { invalidateListing } from "@/lib/catalogue/cached-reads";
import { getAiCallForUser, setAiCallFeedback } from "@/lib/db/queries/ai-calls";
import * as sellerListings from "@/lib/db/queries/seller-listings";
import { fullCopiesStored, imageUrl, storeUploadedImage } from "@/lib/images";
import { listingSchema } from "@/lib/listings/listing-schema";
import { placeListing } from "@/lib/sell/listing-place";
import { sellerFailure, SIGNED_OUT_MESSAGE } from "@/lib/sell/seller-failures";
import { suggestionFeedbackSchema } from "@/lib/sell/feedback-schema";
import { computeImplicitFeedback } from "@/lib/sell/implicit-feedback";
import { consumeUploadAllowance } from "@/lib/sell/upload-limit";
import { describeWithDetails, publishedSuggestionSchema } from "@/lib/sell/suggestion-details";
import { flagListingPhotos, screenAfterUpload } from "@/lib/safety/photo-screening";
import { suspensionRefusal } from "@/lib/safety/suspension";

export type UploadedPhoto = { id: string; thumbUrl: string };

/** One photo per call, so each file gets its own answer and the 16 MB action body cap fits one photo. */
export async function uploadListingPhoto(formData: FormData): Promise<ActionResult<{ photo: UploadedPhoto }>> {
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT_MESSAGE);
  const file = formData instanceof FormData ? formData.get("photo") : null;
  if (!(file instanceof File)) return failure("Choose a photo to upload.");
  const limited = await consumeUploadAllowance(user.id, file.size);
  if (limited) return failure(limited);
  const bytes = Buffer.from(await file.arrayBuffer());
  // The full copy is written after this answers, while the seller's pre-fill starts (lib/images).
  const stored = await storeUploadedImage(bytes, user.id, { fullCopy: "after" });
  if (!stored.ok) return failure(stored.error);
  screenAfterUpload(stored.image.id, bytes);
  return { ok: true, photo: { id: stored.image.id, thumbUrl: imageUrl(stored.image.storageKey, "thumb") } };
}

const suggestionPartSchema = z.object({ fromSuggestion: publishedSuggestionSchema.optional() });

/**
 * Publishes a listing. From /sell it may name the AI call that pre-filled the form
 * (`fromSuggestion`): when that call is the seller's, the listing is linked to it and stores the
 * suggestion as the call returned it plus the details the seller kept, and the call records what
 * the seller kept, changed and cleared of it (implicit feedback).
 */
export async function createListing(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT_MESSAGE);
  const parsed = listingSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const suspended = await suspensionRefusal(user.id, "publish listings");
  if (suspended) return failure(suspended);
  const placed = placeListing(parsed.data);
  if (!placed.ok) return placed;
  const listing = placed.listing;
  // A photo whose full copy could not be stored after its upload is gone: say so beside the photos.
  if (!(await fullCopiesStored(listing.photoIds))) return sellerFailure("photos-unavailable");
  // The link is bookkeeping: a malformed or foreign one is dropped, the listing still goes out.
  const fromSuggestion = suggestionPartSchema.safeParse(input).data?.fromSuggestion;
  const call = fromSuggestion ? await getAiCallForUser(fromSuggestion.callId, user.id) : null;
  const suggestion = listingSuggestionSchema.safeParse(call?.output);
  let source: sellerListings.SuggestionSource | undefined;
  if (fromSuggestion && suggestion.success) {
    const { details } = fromSuggestion;
    // Compared before the kept details are appended: the description as the seller left it.
    const implicitFeedback = computeImplicitFeedback(suggestion.data, { ...listing, details });
    listing.description = describeWithDetails(listing.description, listing.title, details);
    const sellerDetails = Object.fromEntries(Object.entries(details).map(([field, value]) => [field, value || null]));
    source = { callId: fromSuggestion.callId, suggestion: { ...suggestion.data, sellerDetails }, implicitFeedback };
  }
  const created = await sellerListings.createListing(user.id, listing, source);
  if (!created.ok) return sellerFailure(created.reason);
  await flagListingPhotos(created.id);
  // Saved searches are matched once the seller has their answer (lib/buyers/match-saved-searches.ts).
  after(() => matchSavedSearchesInBackground(created.id));
  invalidateListing(created.id);
  revalidatePath("/");
  revalidatePath("/my-listings");
  redirect(`/listings/${created.id}`);
}

/** Thumbs up or down on the suggestion the seller was shown; only the call's own user may rate it. */
export async function rateSuggestion(input: unknown): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT_MESSAGE);
  const parsed = suggestionFeedbackSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { callId, rating, reason } = parsed.data;
  if (!(await setAiCallFeedback(callId, user.id, rating, reason))) return failure("That suggestion can't be rated any more.");
  return { ok: true };
}
