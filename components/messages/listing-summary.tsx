import Image from "next/image";
import Link from "next/link";
import { imageUrl } from "@/lib/images";
import { formatPrice } from "@/lib/listings/format";
import { STATUS_LABELS, type ListingStatus } from "@/lib/listings/options";

type ListingSummaryProps = {
  listing: { id: string; title: string; priceCents: number; status: ListingStatus; imageKey: string | null };
};

/** The listing a conversation is about: photo, title, price and state, linking to the listing. */
export function ListingSummary({ listing }: ListingSummaryProps) {
  return (
    <Link
      href={`/listings/${listing.id}`}
      className="flex items-center gap-3 rounded-xl border border-stone-200 bg-white p-3 hover:border-stone-300"
    >
      <ListingThumbnail imageKey={listing.imageKey} size={64} />
      <span className="min-w-0">
        <span className="block truncate font-medium">{listing.title}</span>
        <span className="flex items-center gap-2 text-sm text-stone-600">
          {formatPrice(listing.priceCents)}
          {listing.status !== "active" && <StatusTag status={listing.status} />}
        </span>
      </span>
    </Link>
  );
}

export function ListingThumbnail({ imageKey, size }: { imageKey: string | null; size: number }) {
  const box = "shrink-0 rounded-lg bg-stone-100 object-cover";
  if (!imageKey) return <span className={box} style={{ width: size, height: size }} aria-hidden="true" />;
  // Thumbnails are already small WebP files: serve them as they are.
  return <Image src={imageUrl(imageKey, "thumb")} alt="" width={size} height={size} unoptimized className={box} style={{ width: size, height: size }} />;
}

export function StatusTag({ status }: { status: ListingStatus }) {
  const colours = status === "sold" ? "bg-stone-200 text-stone-700" : "bg-amber-100 text-amber-900";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${colours}`}>{STATUS_LABELS[status]}</span>;
}
