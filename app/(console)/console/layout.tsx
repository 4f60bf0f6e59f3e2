import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleNav } from "@/components/console/console-nav";
import { notFound } from "next/navigation";
import { isAdmin, isModerator } from "@/lib/auth/admin";
import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { default: "AI console", template: "%s · AI console · Trova" }, robots: { index: false } };

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const admin = await getCurrentUser();
  // A signed-out visitor is sent to sign in by the page itself (which knows its own path, so the
  // sign-in comes back to it); anyone signed in without a console role gets a 404 here. A
  // moderator who is not an admin gets the frame too, but every AI page answers them 404 itself
  // (requireAdminPage); only /console/moderation (requireModeratorPage) opens for them.
  if (!admin) return children;
  if (!isModerator(admin)) notFound();
  const adminToo = isAdmin(admin);
  return (
    <div className="min-h-screen bg-stone-100">
      <header className="border-b border-stone-200 bg-stone-900 text-stone-100">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href={adminToo ? "/console" : "/console/moderation"} className="font-semibold">
            {adminToo ? "Trova · AI console" : "Trova · Moderation"}
          </Link>
          <ConsoleNav moderatorOnly={!adminToo} />
          <span className="ml-auto text-sm text-stone-400">
            {admin.name} ·{" "}
            <Link href="/" className="underline">
              back to the site
            </Link>
          </span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
