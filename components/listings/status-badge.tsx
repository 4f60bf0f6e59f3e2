import { STATUS_LABELS, type ListingStatus } from "@/lib/listings/options";

const STYLES: Record<ListingStatus, string> = {
  active: "bg-brand-100 text-brand-800",
  reserved: "bg-amber-300 text-amber-950",
  sold: "bg-stone-800 text-white",
};

/**
 * "Reserved" or "Sold" on public pages; "Active" too where a seller manages their listings
 * (`showActive`).
 */
export function StatusBadge({
  status,
  showActive = false,
  className = "",
}: {
  status: ListingStatus;
  showActive?: boolean;
  className?: string;
}) {
  if (status === "active" && !showActive) return null;
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold tracking-wide uppercase ${STYLES[status]} ${className}`}
      data-testid={`status-${status}`}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}
