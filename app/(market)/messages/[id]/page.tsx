import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListingSummary } from "@/components/messages/listing-summary";
import { MessageForm } from "@/components/messages/message-form";
import { RefreshOnMount } from "@/components/messages/refresh-on-mount";
import { requireUser } from "@/lib/auth/session";
import { getConversationForParticipant, markConversationRead } from "@/lib/db/queries/messages";
import { formatRelativeDate } from "@/lib/listings/format";
import { sendMessage } from "../actions";

export const metadata: Metadata = { title: "Conversation", robots: { index: false } };

export default async function ConversationPage({ params }: PageProps<"/messages/[id]">) {
  const { id } = await params;
  const user = await requireUser(`/messages/${encodeURIComponent(id)}`);
  // Marked read before loading, so every message counted as read is one shown below.
  const hadUnread = await markConversationRead(id, user.id);
  const conversation = await getConversationForParticipant(id, user.id);
  if (!conversation) notFound();

  const otherName = conversation.role === "buyer" ? conversation.sellerName : conversation.buyerName;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      {hadUnread && <RefreshOnMount />}
      <h1 className="text-2xl font-semibold">
        {conversation.role === "buyer" ? "Seller" : "Buyer"}: {otherName}
      </h1>
      <ListingSummary listing={conversation.listing} />
      <ol className="flex flex-col gap-3" aria-label="Messages">
        {conversation.messages.map((message) => {
          const mine = message.senderId === user.id;
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
            </li>
          );
        })}
      </ol>
      <MessageForm action={sendMessage} hidden={{ conversationId: conversation.id }} label={`Reply to ${otherName}`} />
    </div>
  );
}
