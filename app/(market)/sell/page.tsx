import type { Metadata } from "next";
import { SellFlow } from "@/components/sell/sell-flow";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getRequestLocale } from "@/lib/listings/locale";
import { getActiveSuspension } from "@/lib/db/queries/safety";
import { suspendedMessage } from "@/lib/safety/suspension";
import { getDefaultPlace } from "@/lib/db/queries/users";

export const metadata: Metadata = { title: "Sell something", robots: { index: false } };

export default async function SellPage() {
  const [user, locale] = await Promise.all([requireUser("/sell"), getRequestLocale()]);
  const [suspension, defaultPlace] = await Promise.all([getActiveSuspension(user.id), getDefaultPlace(user.id).then((place) => place ?? "")]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-1 text-2xl font-semibold">Sell something</h1>
      <p className="mb-6 text-sm text-stone-600">
        Start with a photo: Trova suggests the details, you check them and publish. Buyers can write to you as soon as it is live.
      </p>
      {/* Said up front, so nobody fills in a listing that will be refused (publishing refuses it too). */}
      {suspension && (
        <p role="status" data-testid="suspension-notice" className="mb-6 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-900">
          {suspendedMessage(suspension, "publish listings")}
        </p>
      )}
      <SellFlow userId={user.id} maxUploadMb={env.MAX_UPLOAD_MB} locale={locale} defaultPlace={defaultPlace} />
    </div>
  );
}
