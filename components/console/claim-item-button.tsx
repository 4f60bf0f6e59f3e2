"use client";

import { useActionState } from "react";
import { claimItemForReview } from "@/app/(console)/console/review/actions";

/** Takes one chosen item from the queue list (refused while another reviewer holds it). */
export function ClaimItemButton({ itemId, label = "Review" }: { itemId: string; label?: string }) {
  const [state, action, pending] = useActionState(claimItemForReview, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="itemId" value={itemId} />
      <button type="submit" disabled={pending} className="rounded-md border border-stone-300 px-2 py-0.5 text-sm font-medium disabled:opacity-50">
        {label}
      </button>
      {state && !state.ok && (
        <span role="status" className="text-xs text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
