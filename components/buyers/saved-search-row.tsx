"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { deleteSavedSearch, setSavedSearchPaused } from "@/app/(market)/saved/actions";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

export function SavedSearchRow({ id, label, query, paused }: { id: string; label: string; query: string; paused: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<ActionResult>) =>
    startTransition(async () => {
      setError(null);
      const result = await work().catch(() => ({ ok: false as const, error: "That didn't work. Try again." }));
      if (!result.ok) setError(result.error);
    });
  return (
    <li className="flex flex-wrap items-center gap-3 rounded-xl border border-stone-200 bg-white p-3" data-testid="saved-search">
      <Link href={query ? `/?${query}` : "/"} className="min-w-0 flex-1 font-medium hover:underline">
        {label}
      </Link>
      {paused && <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold">Paused</span>}
      <Button variant="secondary" className="px-3 py-1.5" disabled={pending} onClick={() => run(() => setSavedSearchPaused({ savedSearchId: id, paused: !paused }))}>
        {paused ? "Resume" : "Pause"}
      </Button>
      <Button variant="secondary" className="px-3 py-1.5 text-red-700" disabled={pending} onClick={() => run(() => deleteSavedSearch({ savedSearchId: id }))}>
        Delete
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
