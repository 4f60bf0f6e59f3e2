"use client";

import Link from "next/link";
import { useEffect } from "react";
import { UNAVAILABLE_TEXT, UNAVAILABLE_TITLE, useServiceStatus } from "@/components/layout/use-service-status";
import { Button } from "@/components/ui/button";

// Shown inside the marketplace layout (header stays usable) when a page fails unexpectedly.
// The error's details are logged, never shown: in production they are hidden anyway. When the
// database is away the page says so, and comes back by itself once it answers again.
export default function MarketError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const status = useServiceStatus(retry);
  const unavailable = status === "down";

  return (
    <div className="mx-auto max-w-md py-12 text-center" role="alert" data-testid="error-page" data-status={status}>
      <h1 className="text-2xl font-semibold">{unavailable ? UNAVAILABLE_TITLE : "Something went wrong"}</h1>
      <p className="mt-3 text-stone-600">{unavailable ? UNAVAILABLE_TEXT : "This page could not be loaded just now. Please try again in a moment."}</p>
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
