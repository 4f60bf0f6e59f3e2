"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { deleteListing, setListingStatus } from "@/app/(market)/my-listings/actions";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import type { ListingStatus } from "@/lib/listings/options";

// From each status, the moves a seller can make.
const STATUS_ACTIONS: Record<ListingStatus, { status: ListingStatus; label: string }[]> = {
  active: [
    { status: "reserved", label: "Mark reserved" },
    { status: "sold", label: "Mark sold" },
  ],
  reserved: [
    { status: "sold", label: "Mark sold" },
    { status: "active", label: "Mark active again" },
  ],
  sold: [{ status: "active", label: "Mark active again" }],
};

const small = "px-3 py-1.5";

type MyListingActionsProps = {
  listingId: string;
  title: string;
  status: ListingStatus;
  /** The people who wrote about it: "Mark sold" asks which of them bought it. */
  buyers?: { id: string; name: string }[];
  reservedForId?: string | null;
};

/** Edit, status changes and a two-step delete for one row of "My listings". */
export function MyListingActions({ listingId, title, status, buyers = [], reservedForId = null }: MyListingActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const [choosingBuyer, setChoosingBuyer] = useState(false);
  const [soldToId, setSoldToId] = useState(reservedForId ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const containerRef = useRef<HTMLDivElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the confirmation step: onto "Cancel" when it opens, back to "Delete" when it closes.
  useEffect(() => {
    const target = confirming ? "cancel" : wasConfirming.current ? "delete" : null;
    wasConfirming.current = confirming;
    if (target) containerRef.current?.querySelector<HTMLElement>(`[data-focus="${target}"]`)?.focus();
  }, [confirming]);

  function run(work: () => Promise<ActionResult>) {
    setError(null);
    startTransition(async () => {
      try {
        const result = await work();
        if (!result.ok) setError(result.error);
      } catch {
        setError("That didn't work just now. Check your connection and try again.");
      }
    });
  }

  const errorMessage = error && (
    <p role="alert" className="w-full text-sm text-red-700">
      {error}
    </p>
  );

  return (
    <div ref={containerRef}>
      {choosingBuyer ? (
        <div role="group" aria-label={`Who bought “${title}”?`} className="flex flex-wrap items-end gap-2 rounded-lg bg-stone-100 p-2">
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Who bought it?</span>
            <select value={soldToId} onChange={(event) => setSoldToId(event.target.value)} className="rounded-lg border border-stone-300 bg-white px-2 py-1.5">
              <option value="">Someone else, or I&apos;d rather not say</option>
              {buyers.map((buyer) => (
                <option key={buyer.id} value={buyer.id}>
                  {buyer.name}
                </option>
              ))}
            </select>
          </label>
          <Button className={small} disabled={pending} onClick={() => run(async () => {
            const result = await setListingStatus({ listingId, status: "sold", soldToId: soldToId || null });
            if (result.ok) setChoosingBuyer(false);
            return result;
          })}>
            {pending ? "Saving…" : "Confirm sold"}
          </Button>
          <Button variant="secondary" className={small} disabled={pending} onClick={() => setChoosingBuyer(false)}>
            Cancel
          </Button>
          <p className="w-full text-xs text-stone-600">The buyer you name may review you for this sale.</p>
          {errorMessage}
        </div>
      ) : confirming ? (
        <div role="group" aria-label={`Delete “${title}”?`} className="flex flex-wrap items-center gap-2 rounded-lg bg-red-50 p-2">
          <p className="w-full text-sm text-red-900">Delete this listing and its photos? This can&apos;t be undone.</p>
          <Button variant="danger" className={small} disabled={pending} onClick={() => run(() => deleteListing({ listingId }))}>
            {pending ? "Deleting…" : "Yes, delete"}
          </Button>
          <Button data-focus="cancel" variant="secondary" className={small} disabled={pending} onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          {errorMessage}
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/listings/${listingId}/edit`}
            aria-label={`Edit “${title}”`}
            className={`inline-flex items-center rounded-lg border border-stone-300 bg-white text-sm font-medium text-stone-800 hover:bg-stone-100 ${small}`}
          >
            Edit
          </Link>
          {STATUS_ACTIONS[status].map((move) => (
            <Button
              key={move.status}
              variant="secondary"
              className={small}
              disabled={pending}
              onClick={() => (move.status === "sold" && buyers.length > 0 ? setChoosingBuyer(true) : run(() => setListingStatus({ listingId, status: move.status })))}
            >
              {move.label}
            </Button>
          ))}
          <Button data-focus="delete" variant="secondary" className={`${small} text-red-700`} disabled={pending} onClick={() => setConfirming(true)}>
            Delete
          </Button>
          {errorMessage}
        </div>
      )}
    </div>
  );
}
