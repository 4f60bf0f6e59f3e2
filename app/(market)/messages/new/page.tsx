import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ListingSummary } from "@/components/messages/listing-summary";
import { MessageForm } from "@/components/messages/message-form";
import { requireUser } from "@/lib/auth/session";
import { getListingById } from "@/lib/db/queries/listings";
import { findConversationId } from "@/lib/db/queries/messages";
import { startConversation } from "../actions";

export const metadata: Metadata = { title: "Contact the seller", robots: { index: false } };

export default async function NewConversationPage({ searchParams }: PageProps<"/messages/new">) {
  const { listing: listingParam } = await searchParams;
  const listingId = typeof listingParam === "string" ? listingParam : "";
  const user = await requireUser(`/messages/new?listing=${encodeURIComponent(listingId)}`, { why: "message", listing: listingId });
  const listing = await getListingById(listingId);
  if (!listing) notFound();
  if (listing.unavailable && listing.sellerId !== user.id) redirect(`/listings/${listing.id}`);
  if (listing.sellerId === user.id) redirect(`/listings/${listing.id}`);
  const existing = await findConversationId(listing.id, user.id);
  if (existing) redirect(`/messages/${existing}`);

  const summary = { ...listing, imageKey: listing.photos[0]?.storageKey ?? null };
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">Contact {listing.sellerName}</h1>
      <ListingSummary listing={summary} />
      {listing.status === "sold" ? (
        <p className="rounded-lg bg-stone-100 px-3 py-2 text-stone-700">
          This listing has been sold, so it takes no new messages.{" "}
          <Link href="/" className="font-medium text-brand-700 underline">
            Browse other listings
          </Link>
        </p>
      ) : (
        <MessageForm
          action={startConversation}
          hidden={{ listingId: listing.id }}
          label="Your message"
          placeholder="Hi! Is this still available?"
        />
      )}
    </div>
  );
}
