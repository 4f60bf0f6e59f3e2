import { STATUS_LABELS, type ListingStatus } from "@/lib/listings/options";

const STYLES: Record<Exclude<ListingStatus, "active">, string> = {
  reserved: "bg-amber-300 text-amber-950",
  sold: "bg-stone-800 text-white",
};

/** "Reserved" or "Sold"; nothing for an active listing. */
export function StatusBadge({ status, className = "" }: { status: ListingStatus; className?: string }) {
  if (status === "active") return null;
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold tracking-wide uppercase ${STYLES[status]} ${className}`}
      data-testid={`status-${status}`}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}
