import type { Metadata } from "next";
import Link from "next/link";
import { RefreshOnMount } from "@/components/messages/refresh-on-mount";
import { requireUser } from "@/lib/auth/session";
import { listNotifications, markNotificationsRead } from "@/lib/db/queries/notifications";
import { formatRelativeDate } from "@/lib/listings/format";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

const KIND_LABELS = { "search-match": "Saved search", message: "Message", offer: "Offer", review: "Review", report: "Report" } as const;

export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const notices = await listNotifications(user.id);
  // Read once shown; the header rendered with the old count, so the page refreshes once.
  const marked = await markNotificationsRead(user.id);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      {marked > 0 && <RefreshOnMount />}
      <h1 className="text-2xl font-semibold">Notifications</h1>
      {notices.length === 0 ? (
        <p className="text-stone-600">Nothing yet. New messages, offers and matches for your saved searches show up here.</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Notifications">
          {notices.map((notice) => (
            <li key={notice.id} data-testid="notification" data-unread={!notice.readAt} className={`rounded-xl border bg-white p-3 ${notice.readAt ? "border-stone-200" : "border-brand-600"}`}>
              <p className="text-xs text-stone-500">
                {KIND_LABELS[notice.kind]} · <time dateTime={notice.createdAt.toISOString()}>{formatRelativeDate(notice.createdAt)}</time>
              </p>
              <Link href={notice.href} className="font-medium hover:underline" dir="auto">
                {notice.text}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
