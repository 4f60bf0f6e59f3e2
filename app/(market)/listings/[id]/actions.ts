"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { suspensionRefusal } from "@/lib/safety/suspension";
import { notifyOffer } from "@/lib/buyers/events";
import { notify } from "@/lib/buyers/notifier";
import { listingOfferSchema, reviewSchema } from "@/lib/buyers/schemas";
import { makeOffer as makeOfferQuery } from "@/lib/db/queries/offers";
import { createReview, type ReviewRefusal } from "@/lib/db/queries/sellers";
import { OFFER_REFUSALS } from "@/lib/buyers/offer-refusals";

export type ListingFormState = ActionResult | null;

/** A buyer's offer from the listing page: it opens (or continues) their conversation with the seller. */
export async function makeOffer(_previous: ListingFormState, input: unknown): Promise<ListingFormState> {
  const parsed = listingOfferSchema.safeParse(input instanceof FormData ? Object.fromEntries(input) : input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await getCurrentUser();
  if (!user) return failure("You're signed out. Sign in to make an offer.");
  const suspended = await suspensionRefusal(user.id, "make offers");
  if (suspended) return failure(suspended);
  const result = await makeOfferQuery(user.id, { listingId: parsed.data.listingId }, parsed.data.amount);
  if (!result.ok) return failure(OFFER_REFUSALS[result.reason]);
  after(() => notifyOffer(result.event, [{ type: "made", actorName: user.name, recipientId: result.recipientId, counter: false }]));
  revalidatePath("/messages");
  redirect(`/messages/${result.event.conversationId}`);
}

const REVIEW_REFUSALS: Record<ReviewRefusal, string> = {
  "not-found": "This listing no longer exists.",
  "not-your-purchase": "Only the buyer the seller marked this sold to can review it.",
  "no-conversation": "A review needs a conversation with the seller about this listing.",
  "already-reviewed": "This purchase has already been reviewed.",
};

export async function leaveReview(_previous: ListingFormState, input: unknown): Promise<ListingFormState> {
  const parsed = reviewSchema.safeParse(input instanceof FormData ? Object.fromEntries(input) : input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await getCurrentUser();
  if (!user) return failure("You're signed out. Sign in to leave your review.");
  const suspended = await suspensionRefusal(user.id, "write reviews");
  if (suspended) return failure(suspended);
  const created = await createReview(user.id, parsed.data.listingId, parsed.data.rating, parsed.data.body);
  if (!created.ok) return failure(REVIEW_REFUSALS[created.reason]);
  after(() =>
    notify([{ userId: created.sellerId, kind: "review", text: `${user.name} left a ${parsed.data.rating}-star review for “${created.title}”`, href: `/sellers/${created.sellerId}` }]).catch(
      (error: unknown) => console.error("[notify] review notice failed:", error),
    ),
  );
  revalidatePath(`/listings/${parsed.data.listingId}`);
  revalidatePath(`/sellers/${created.sellerId}`);
  return { ok: true };
}
