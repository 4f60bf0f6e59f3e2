import Link from "next/link";
import { signOut } from "@/app/(market)/(auth)/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { getUnreadMessageCount } from "@/lib/db/queries/messages";
import { countUnreadNotifications } from "@/lib/db/queries/notifications";

export async function SiteHeader() {
  const user = await getCurrentUser();
  const [unread, notices] = user ? await Promise.all([getUnreadMessageCount(user.id), countUnreadNotifications(user.id)]) : [0, 0];
  return (
    <header className="border-b border-stone-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold tracking-tight text-brand-700">
          Trova
        </Link>
        <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <Link href="/sell" className="rounded-full bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            Sell
          </Link>
          {user ? (
            <>
              <Link href="/my-listings" className="hover:underline">
                My listings
              </Link>
              <Link href="/messages" className="hover:underline" data-testid="nav-messages">
                Messages
                {unread > 0 && (
                  <span
                    className="ml-1 rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white"
                    data-testid="unread-total"
                    aria-label={`${unread} unread`}
                  >
                    {unread}
                  </span>
                )}
              </Link>
              <Link href="/saved" className="hover:underline">
                Saved
              </Link>
              <Link href="/notifications" className="hover:underline" data-testid="nav-notifications">
                Notifications
                {notices > 0 && (
                  <span className="ml-1 rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white" data-testid="notification-count" aria-label={`${notices} new`}>
                    {notices}
                  </span>
                )}
              </Link>
              <span className="hidden text-stone-500 sm:inline" data-testid="signed-in-as">
                {user.name}
              </span>
              <form action={signOut}>
                <button type="submit" className="hover:underline">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in" className="hover:underline">
                Sign in
              </Link>
              <Link href="/sign-up" className="hover:underline">
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
