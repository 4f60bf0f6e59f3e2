"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** Clears the draft (photos, values, suggestion) after a confirmation step. */
export function StartOver({ onConfirm }: { onConfirm: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const groupRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirming) groupRef.current?.querySelector<HTMLElement>("[data-focus=cancel]")?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <div className="flex justify-end">
        <Button type="button" variant="secondary" className="px-3 py-1.5" onClick={() => setConfirming(true)}>
          Start over
        </Button>
      </div>
    );
  }
  return (
    <div ref={groupRef} role="group" aria-label="Start over?" className="flex flex-wrap items-center gap-2 rounded-lg bg-stone-100 p-3">
      <p className="w-full text-sm text-stone-800">Clear the photos and everything typed so far, and start a new listing?</p>
      <Button type="button" variant="danger" className="px-3 py-1.5" onClick={onConfirm}>
        Yes, start over
      </Button>
      <Button data-focus="cancel" type="button" variant="secondary" className="px-3 py-1.5" onClick={() => setConfirming(false)}>
        Keep my listing
      </Button>
    </div>
  );
}
