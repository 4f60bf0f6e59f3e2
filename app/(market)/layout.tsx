import { Suspense } from "react";
import { PendingSave } from "@/components/buyers/pending-save";
import { SiteHeader } from "@/components/layout/site-header";
import { CardActions } from "@/components/listings/card-actions";
import { getCurrentUser } from "@/lib/auth/session";

// Every marketplace page reads the database or the session: render per request, never at build.
export const dynamic = "force-dynamic";

export default async function MarketLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      <SiteHeader />
      <Suspense>
        <PendingSave signedIn={Boolean(user)} />
      </Suspense>
      <CardActions />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 py-10 text-sm text-stone-500">
        Trova — second-hand, first-rate. Prices in EUR.
      </footer>
    </>
  );
}
