import { getConversationParties } from "@/lib/db/queries/messages";
import type { OfferEvent } from "@/lib/db/queries/offers";
import { formatPrice } from "@/lib/listings/format";
import { notify } from "./notifier";

// What each side is told, and where the notice links. These run after the action has answered.

function logFailure(what: string) {
  return (error: unknown) => console.error(`[notify] ${what} failed:`, error);
}

/** A new message: the other side of the conversation is told. */
export async function notifyNewMessage(conversationId: string, senderId: string): Promise<void> {
  const parties = await getConversationParties(conversationId).catch(logFailure("reading a conversation"));
  if (!parties) return;
  const fromBuyer = senderId === parties.buyerId;
  await notify([
    {
      userId: fromBuyer ? parties.sellerId : parties.buyerId,
      kind: "message",
      text: `${fromBuyer ? parties.buyerName : parties.sellerName} wrote about “${parties.listingTitle}”`,
      href: `/messages/${conversationId}`,
    },
  ]).catch(logFailure("a message notice"));
}

export type OfferNotice =
  | { type: "made"; actorName: string; recipientId: string; counter: boolean }
  | { type: "accepted" | "declined"; actorName: string; recipientId: string }
  | { type: "declined-elsewhere"; recipientId: string };

export function offerNoticeText(notice: OfferNotice, event: OfferEvent): string {
  const amount = formatPrice(event.amountCents);
  const title = `“${event.listingTitle}”`;
  switch (notice.type) {
    case "made":
      return notice.counter ? `${notice.actorName} countered with ${amount} for ${title}` : `${notice.actorName} offered ${amount} for ${title}`;
    case "accepted":
      return `${notice.actorName} accepted the offer of ${amount} for ${title}`;
    case "declined":
      return `${notice.actorName} declined the offer of ${amount} for ${title}`;
    case "declined-elsewhere":
      return `${title} was reserved for another buyer: your offer of ${amount} was declined`;
  }
}

export async function notifyOffer(event: OfferEvent, notices: OfferNotice[]): Promise<void> {
  await notify(
    notices.map((notice) => ({
      userId: notice.recipientId,
      kind: "offer" as const,
      text: offerNoticeText(notice, event),
      href: notice.type === "declined-elsewhere" ? `/listings/${event.listingId}` : `/messages/${event.conversationId}`,
    })),
  ).catch(logFailure("an offer notice"));
}

/** The seller named the buyer: they are asked for a review. */
export async function notifySoldTo(buyerId: string, sellerName: string, listingId: string, listingTitle: string): Promise<void> {
  await notify([
    { userId: buyerId, kind: "review", text: `${sellerName} marked “${listingTitle}” sold to you. How did it go? Leave a review.`, href: `/listings/${listingId}#review` },
  ]).catch(logFailure("a review request"));
}
