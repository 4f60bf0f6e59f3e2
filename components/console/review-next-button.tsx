"use client";

import { useActionState } from "react";
import { reviewNextItem } from "@/app/(console)/console/review/actions";

/** Claims the reviewer's next item and opens it, or says the queue has nothing for them. */
export function ReviewNextButton() {
  const [state, action, pending] = useActionState(reviewNextItem, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Finding an item…" : "Review next item"}
      </button>
      {state && !state.ok && (
        <p role="status" className="text-sm text-stone-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
