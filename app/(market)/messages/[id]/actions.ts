"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { invalidateListing } from "@/lib/catalogue/cached-reads";
import { suspensionRefusal } from "@/lib/safety/suspension";
import { notifyOffer } from "@/lib/buyers/events";
import { OFFER_REFUSALS } from "@/lib/buyers/offer-refusals";
import { counterOfferSchema, offerResponseSchema } from "@/lib/buyers/schemas";
import { makeOffer, respondToOffer as respondToOfferQuery } from "@/lib/db/queries/offers";

export type OfferFormState = ActionResult | null;

function revalidateOffer(conversationId: string, listingId: string) {
  revalidatePath(`/messages/${conversationId}`);
  revalidatePath("/messages");
  revalidatePath(`/listings/${listingId}`);
  revalidatePath("/");
}

/** An offer in a conversation, by either side; it replaces the pending one (a counter-offer). */
export async function counterOffer(_previous: OfferFormState, input: unknown): Promise<OfferFormState> {
  const parsed = counterOfferSchema.safeParse(input instanceof FormData ? Object.fromEntries(input) : input);
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await getCurrentUser();
  if (!user) return failure("You're signed out. Sign in to make an offer.");
  const suspended = await suspensionRefusal(user.id, "make offers");
  if (suspended) return failure(suspended);
  const result = await makeOffer(user.id, { conversationId: parsed.data.conversationId }, parsed.data.amount);
  if (!result.ok) return failure(OFFER_REFUSALS[result.reason]);
  after(() => notifyOffer(result.event, [{ type: "made", actorName: user.name, recipientId: result.recipientId, counter: true }]));
  revalidateOffer(result.event.conversationId, result.event.listingId);
  return { ok: true };
}

export async function respondToOffer(input: unknown): Promise<ActionResult> {
  const parsed = offerResponseSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0].message);
  const user = await getCurrentUser();
  if (!user) return failure("You're signed out. Sign in to answer the offer.");
  const suspended = await suspensionRefusal(user.id, "answer offers");
  if (suspended) return failure(suspended);
  const result = await respondToOfferQuery(user.id, parsed.data.offerId, parsed.data.response);
  if (!result.ok) return failure(OFFER_REFUSALS[result.reason]);
  const type = parsed.data.response === "accept" ? "accepted" : "declined";
  // An accepted offer reserves the listing, in search and on its page.
  if (type === "accepted") invalidateListing(result.event.listingId);
  after(async () => {
    await notifyOffer(result.event, [{ type, actorName: user.name, recipientId: result.makerId }]);
    for (const other of result.declinedElsewhere) {
      await notifyOffer({ ...result.event, amountCents: other.amountCents }, [{ type: "declined-elsewhere", recipientId: other.buyerId }]);
    }
  });
  revalidateOffer(result.event.conversationId, result.event.listingId);
  return { ok: true };
}
