"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { saveSearch } from "@/app/(market)/saved/actions";
import { Button } from "@/components/ui/button";
import { signInHref } from "@/lib/buyers/sign-in-reason";

/** "Save this search" on a results page: stores the page's filters as they are in the URL. */
export function SaveSearchButton({ query, saved, signedIn, returnTo }: { query: string; saved: boolean; signedIn: boolean; returnTo: string }) {
  const [isSaved, setSaved] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!signedIn) {
    return (
      <Link href={signInHref(returnTo, "search")} className="text-sm font-medium text-brand-700 underline">
        Save this search
      </Link>
    );
  }
  if (isSaved) {
    return (
      <p className="text-sm text-stone-700" data-testid="search-saved">
        Search saved: you&apos;ll be told about new matches.{" "}
        <Link href="/saved" className="font-medium text-brand-700 underline">
          Manage saved searches
        </Link>
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        className="px-3 py-1.5"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await saveSearch({ query }).catch(() => ({ ok: false as const, error: "That didn't work. Try again." }));
            if (result.ok) setSaved(true);
            else setError(result.error);
          })
        }
      >
        {pending ? "Saving…" : "Save this search"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
