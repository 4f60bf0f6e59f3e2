import { STATUS_LABELS, type ListingStatus } from "@/lib/listings/options";

const STYLES: Record<ListingStatus, string> = {
  active: "bg-brand-100 text-brand-800",
  reserved: "bg-amber-300 text-amber-950",
  sold: "bg-stone-800 text-white",
};

/** The badge's words, or null where it shows nothing ("Active" only where a seller manages listings). */
export function statusBadgeLabel(status: ListingStatus, showActive: boolean): string | null {
  return status === "active" && !showActive ? null : STATUS_LABELS[status];
}

export function statusBadgeClassName(status: ListingStatus, className = ""): string {
  return `inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold tracking-wide uppercase ${STYLES[status]} ${className}`;
}

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
  const label = statusBadgeLabel(status, showActive);
  if (!label) return null;
  return (
    <span className={statusBadgeClassName(status, className)} data-testid={`status-${status}`}>
      {label}
    </span>
  );
}
