import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListingForm } from "@/components/listings/listing-form";
import { requireUser } from "@/lib/auth/session";
import { getListingForEdit } from "@/lib/db/queries/seller-listings";
import { env } from "@/lib/env";
import { imageUrl } from "@/lib/images";
import { centsToPriceInput } from "@/lib/listings/listing-schema";
import { updateListing } from "./actions";

export const metadata: Metadata = { title: "Edit listing", robots: { index: false } };

export default async function EditListingPage({ params }: PageProps<"/listings/[id]/edit">) {
  const { id } = await params;
  const user = await requireUser(`/listings/${id}/edit`);
  // Someone else's listing looks exactly like a missing one.
  const listing = await getListingForEdit(user.id, id);
  if (!listing) notFound();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-1 text-2xl font-semibold">Edit listing</h1>
      <p className="mb-6 text-sm text-stone-600">
        <Link href={`/listings/${listing.id}`} className="text-brand-700 underline">
          View the listing
        </Link>{" "}
        · Photos you remove are deleted when you save.
      </p>
      <ListingForm
        action={updateListing.bind(null, listing.id)}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        maxUploadMb={env.MAX_UPLOAD_MB}
        initialValues={{
          title: listing.title,
          description: listing.description,
          category: listing.category,
          condition: listing.condition,
          price: centsToPriceInput(listing.priceCents),
          place: listing.placeName ?? "",
        }}
        initialPhotos={listing.photos.map((photo) => ({ id: photo.id, thumbUrl: imageUrl(photo.storageKey, "thumb") }))}
      />
    </div>
  );
}
