import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OfferAnswer } from "@/components/buyers/offer-answer";
import { OfferForm } from "@/components/buyers/offer-form";
import { ListingSummary } from "@/components/messages/listing-summary";
import { MessageForm } from "@/components/messages/message-form";
import { RefreshOnMount } from "@/components/messages/refresh-on-mount";
import { BlockButton } from "@/components/safety/block-button";
import { OwnReportStatus } from "@/components/safety/own-report-status";
import { ReportForm } from "@/components/safety/report-form";
import { ScamWarnings } from "@/components/safety/scam-warnings";
import { requireUser } from "@/lib/auth/session";
import { getConversationForParticipant, markConversationRead } from "@/lib/db/queries/messages";
import { getConversationBlock, getOwnLatestReport } from "@/lib/db/queries/safety";
import { findScamSignals } from "@/lib/safety/scam-patterns";
import { markNotificationsRead } from "@/lib/db/queries/notifications";
import { listOffers } from "@/lib/db/queries/offers";
import { formatPrice, formatRelativeDate } from "@/lib/listings/format";
import { sendMessage } from "../actions";
import { counterOffer } from "./actions";

const OFFER_STATUS_LABELS = { pending: "waiting for an answer", accepted: "accepted: reserved", declined: "declined", countered: "countered", withdrawn: "replaced" } as const;

export const metadata: Metadata = { title: "Conversation", robots: { index: false } };

export default async function ConversationPage({ params }: PageProps<"/messages/[id]">) {
  const { id } = await params;
  const user = await requireUser(`/messages/${encodeURIComponent(id)}`);
  // Marked read before loading, so every message counted as read is one shown below.
  const hadUnread = await markConversationRead(id, user.id);
  const [conversation, block, ownReport] = await Promise.all([getConversationForParticipant(id, user.id), getConversationBlock(id, user.id), getOwnLatestReport(user.id, "conversation", id)]);
  if (!conversation) notFound();
  const [conversationOffers] = await Promise.all([listOffers(conversation.id), markNotificationsRead(user.id, `/messages/${conversation.id}`)]);
  // Messages and offers read as one thread, in the order they were made.
  const thread = [
    ...conversation.messages.map((message) => ({ type: "message" as const, at: message.createdAt, message })),
    ...conversationOffers.map((offer) => ({ type: "offer" as const, at: offer.createdAt, offer })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  const otherName = conversation.role === "buyer" ? conversation.sellerName : conversation.buyerName;
  const blocked = block.byMe || block.byOther;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      {hadUnread && <RefreshOnMount />}
      <h1 className="text-2xl font-semibold">
        {conversation.role === "buyer" ? "Seller" : "Buyer"}: {otherName}
      </h1>
      <ListingSummary listing={conversation.listing} />
      <ol className="flex flex-col gap-3" aria-label="Messages">
        {thread.map((entry) => {
          if (entry.type === "offer") {
            const { offer } = entry;
            const mine = offer.fromUserId === user.id;
            return (
              <li key={offer.id} data-testid="offer" data-status={offer.status} className={`flex max-w-[85%] flex-col gap-2 rounded-2xl border-2 border-amber-400 bg-amber-50 px-4 py-2 ${mine ? "self-end" : "self-start"}`}>
                <span className="text-xs text-stone-600">
                  <span className="font-medium">{mine ? "You" : otherName}</span> <time dateTime={offer.createdAt.toISOString()}>{formatRelativeDate(offer.createdAt)}</time>
                </span>
                <p className="font-semibold">
                  {mine ? "Your offer" : "Offer"}: {formatPrice(offer.amountCents)} · <span data-testid="offer-status">{OFFER_STATUS_LABELS[offer.status]}</span>
                </p>
                {!mine && offer.status === "pending" && <OfferAnswer offerId={offer.id} />}
              </li>
            );
          }
          const { message } = entry;
          const mine = message.senderId === user.id;
          // The reader is warned, not the writer: a scammer learns nothing from it.
          const signals = mine ? [] : findScamSignals(message.body);
          return (
            <li
              key={message.id}
              data-testid="message"
              data-mine={mine}
              className={`flex max-w-[85%] flex-col gap-1 rounded-2xl px-4 py-2 ${
                mine ? "self-end bg-brand-600 text-white" : "self-start border border-stone-200 bg-white"
              }`}
            >
              <span className={`flex gap-2 text-xs ${mine ? "text-brand-50" : "text-stone-500"}`}>
                <span className="font-medium">{mine ? "You" : otherName}</span>
                <time dateTime={message.createdAt.toISOString()}>{formatRelativeDate(message.createdAt)}</time>
              </span>
              <p className="break-words whitespace-pre-wrap" dir="auto">
                {message.body}
              </p>
              {signals.length > 0 && <ScamWarnings signals={signals} />}
            </li>
          );
        })}
      </ol>
      {!blocked && conversation.listing.status === "active" && (
        <details className="rounded-xl border border-stone-200 bg-white p-3" open={conversationOffers.some((offer) => offer.status === "pending" && offer.fromUserId !== user.id)}>
          <summary className="cursor-pointer font-medium">{conversationOffers.length > 0 ? "Counter with another price" : "Make an offer"}</summary>
          <div className="pt-3">
            <OfferForm action={counterOffer} hidden={{ conversationId: conversation.id }} label="Your price" submitLabel={conversationOffers.length > 0 ? "Send counter-offer" : "Send offer"} />
          </div>
        </details>
      )}
      {block.byMe ? (
        <p role="status" data-testid="conversation-blocked" className="rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700">
          You blocked {otherName}: neither of you can write in this conversation.
        </p>
      ) : blocked ? (
        <p role="status" data-testid="conversation-blocked" className="rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700">
          You can&apos;t reply to this conversation.
        </p>
      ) : (
        <MessageForm action={sendMessage} hidden={{ conversationId: conversation.id }} label={`Reply to ${otherName}`} />
      )}
      <section aria-label="Safety" className="flex flex-col gap-3 border-t border-stone-200 pt-4">
        {ownReport ? <OwnReportStatus report={ownReport} /> : null}
        {!ownReport || ownReport.status === "resolved" ? <ReportForm kind="conversation" targetId={conversation.id} label="Report this conversation" /> : null}
        {(!blocked || block.byMe) && <BlockButton conversationId={conversation.id} blocked={block.byMe} otherName={otherName} />}
      </section>
    </div>
  );
}
