import type { Metadata } from "next";
import Link from "next/link";
import { ListingThumbnail, StatusTag } from "@/components/messages/listing-summary";
import { requireUser } from "@/lib/auth/session";
import { listConversations, type ConversationSummary } from "@/lib/db/queries/messages";
import { formatRelativeDate } from "@/lib/listings/format";

export const metadata: Metadata = { title: "Messages", robots: { index: false } };

export default async function MessagesPage() {
  const user = await requireUser("/messages");
  const conversations = await listConversations(user.id);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">Messages</h1>
      {conversations.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 bg-white p-8 text-center" data-testid="messages-empty">
          <p className="font-medium">No conversations yet</p>
          <p className="mt-1 text-sm text-stone-600">
            When you contact a seller, or a buyer writes about one of your listings, the conversation shows up here.
          </p>
          <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
            Browse listings
          </Link>
        </div>
      ) : (
        <ul className="flex flex-col divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white">
          {conversations.map((conversation) => (
            <ConversationRow key={conversation.id} conversation={conversation} userId={user.id} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ConversationRow({ conversation, userId }: { conversation: ConversationSummary; userId: string }) {
  const unread = conversation.unreadCount > 0;
  return (
    <li data-testid="conversation-row">
      <Link href={`/messages/${conversation.id}`} className="flex gap-3 p-3 hover:bg-stone-50 focus-visible:bg-stone-50">
        <ListingThumbnail imageKey={conversation.listingImageKey} size={56} />
        <span className="flex min-w-0 flex-1 flex-col">
          <span className="flex items-baseline gap-2">
            <span className={`truncate ${unread ? "font-semibold" : "font-medium"}`}>{conversation.listingTitle}</span>
            {conversation.listingStatus !== "active" && <StatusTag status={conversation.listingStatus} />}
            <time dateTime={conversation.lastMessageAt.toISOString()} className="ml-auto shrink-0 text-xs text-stone-500">
              {formatRelativeDate(conversation.lastMessageAt)}
            </time>
          </span>
          <span className="text-sm text-stone-600">
            {conversation.role === "buyer" ? "Seller" : "Buyer"}: {conversation.otherPartyName}
          </span>
          <span className="flex items-center gap-2">
            <span className={`truncate text-sm ${unread ? "text-stone-900" : "text-stone-500"}`}>
              {conversation.lastMessageSenderId === userId && "You: "}
              {conversation.lastMessageSnippet}
            </span>
            {unread && (
              <span
                className="ml-auto shrink-0 rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white"
                data-testid="unread-badge"
                aria-label={`${conversation.unreadCount} unread`}
              >
                {conversation.unreadCount}
              </span>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}
