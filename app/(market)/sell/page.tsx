import type { Metadata } from "next";
import { ListingForm } from "@/components/listings/listing-form";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { createListing } from "./actions";

export const metadata: Metadata = { title: "Sell something", robots: { index: false } };

export default async function SellPage() {
  await requireUser("/sell");
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-1 text-2xl font-semibold">Sell something</h1>
      <p className="mb-6 text-sm text-stone-600">Add photos and a few details; buyers can write to you as soon as it is published.</p>
      <ListingForm action={createListing} submitLabel="Publish listing" pendingLabel="Publishing…" maxUploadMb={env.MAX_UPLOAD_MB} />
    </div>
  );
}
