"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

// Shown inside the marketplace layout (header stays usable) when a page fails unexpectedly.
// The error's details are logged, never shown: in production they are hidden anyway.
export default function MarketError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto max-w-md py-12 text-center" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-stone-600">This page could not be loaded just now. Please try again in a moment.</p>
      <div className="mt-6 flex justify-center gap-3">
        <Button type="button" onClick={() => retry()}>
          Try again
        </Button>
        <Link href="/" className="inline-flex items-center rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-100">
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
