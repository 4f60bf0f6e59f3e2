import type { AiCall } from "@/lib/db/schema";

const STATUS_STYLES: Record<AiCall["status"], string> = {
  ok: "bg-green-100 text-green-900",
  invalid: "bg-amber-100 text-amber-900",
  error: "bg-red-100 text-red-900",
};

export function CallStatusBadge({ status }: { status: AiCall["status"] }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[status]}`} data-testid="call-status">
      {status}
    </span>
  );
}

/** A seller's thumbs up or down. */
export function FeedbackMark({ rating }: { rating: number | null }) {
  if (rating === null) return <span className="text-stone-400">–</span>;
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${rating > 0 ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900"}`} data-testid="feedback-mark">
      {rating > 0 ? "thumbs up" : "thumbs down"}
    </span>
  );
}
