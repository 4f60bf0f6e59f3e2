"use client";

import { useState, useTransition } from "react";
import { respondToOffer } from "@/app/(market)/messages/[id]/actions";
import { Button } from "@/components/ui/button";

/** Accept or decline an offer made to the viewer (countering is the offer form below the thread). */
export function OfferAnswer({ offerId }: { offerId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const answer = (response: "accept" | "decline") =>
    startTransition(async () => {
      setError(null);
      const result = await respondToOffer({ offerId, response }).catch(() => ({ ok: false as const, error: "That didn't work. Try again." }));
      if (!result.ok) setError(result.error);
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button className="px-3 py-1.5" disabled={pending} onClick={() => answer("accept")}>
        Accept
      </Button>
      <Button variant="secondary" className="px-3 py-1.5" disabled={pending} onClick={() => answer("decline")}>
        Decline
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
