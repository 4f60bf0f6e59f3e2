import { STATUS_LABELS, type ListingStatus } from "@/lib/listings/options";

const STATUS_STYLES: Record<ListingStatus, string> = {
  active: "bg-brand-100 text-brand-800",
  reserved: "bg-amber-100 text-amber-900",
  sold: "bg-stone-200 text-stone-700",
};

export function ListingStatusBadge({ status }: { status: ListingStatus }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLES[status]}`} data-testid="listing-status">
      {STATUS_LABELS[status]}
    </span>
  );
}
