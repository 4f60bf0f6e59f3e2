"use client";

import Link from "next/link";
import { useOptimistic, useState, useTransition } from "react";
import { saveListing, unsaveListing } from "@/app/(market)/saved/actions";
import { heartGlyph, saveButtonLabel } from "@/lib/buyers/save-label";
import { signInHref, withPendingSave } from "@/lib/buyers/sign-in-reason";

type SaveButtonProps = {
  listingId: string;
  title: string;
  saved: boolean;
  /** Null when signed out: the heart then leads to sign-in, and back here, where the save completes. */
  signedIn: boolean;
  returnTo: string;
};

/** The heart on a listing page (a card's heart is in its HTML, handled by CardActions). */
export function SaveButton({ listingId, title, saved, signedIn, returnTo }: SaveButtonProps) {
  const [optimistic, setOptimistic] = useOptimistic(saved);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const label = saveButtonLabel(title, optimistic);
  const className = `inline-flex h-10 items-center justify-center gap-2 rounded-lg border border-stone-300 bg-white px-3 text-lg ${optimistic ? "text-red-600" : "text-stone-700"}`;
  const heart = <span aria-hidden="true">{heartGlyph(optimistic)}</span>;
  if (!signedIn) {
    return (
      <Link href={signInHref(withPendingSave(returnTo, listingId), "save", listingId)} aria-label={label} className={className} data-testid="save-button">
        {heart}
        <span className="text-sm font-medium">Save</span>
      </Link>
    );
  }
  return (
    <>
      <button
        type="button"
        aria-label={label}
        aria-pressed={optimistic}
        className={className}
        data-testid="save-button"
        onClick={() =>
          startTransition(async () => {
            setError(null);
            setOptimistic(!optimistic);
            const result = await (optimistic ? unsaveListing : saveListing)({ listingId }).catch(() => ({ ok: false as const, error: "That didn't work. Try again." }));
            if (!result.ok) setError(result.error);
          })
        }
      >
        {heart}
        <span className="text-sm font-medium">{optimistic ? "Saved" : "Save"}</span>
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
