"use client";

import { useEffect } from "react";
import { UNAVAILABLE_TEXT, UNAVAILABLE_TITLE, useServiceStatus } from "@/components/layout/use-service-status";
import "./globals.css";

// Replaces the root layout when it fails itself (say, the header cannot read the session because
// the database is away), so it brings its own <html> and styles.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const status = useServiceStatus(retry);
  const unavailable = status === "down";

  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <title>{unavailable ? `${UNAVAILABLE_TITLE} · Trova` : "Something went wrong · Trova"}</title>
        <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 px-4 text-center" role="alert" data-testid="error-page" data-status={status}>
          <p className="text-xl font-bold tracking-tight text-brand-700">Trova</p>
          <h1 className="mt-4 text-2xl font-semibold">{unavailable ? UNAVAILABLE_TITLE : "Something went wrong"}</h1>
          <p className="text-stone-600">{unavailable ? UNAVAILABLE_TEXT : "Trova could not load this page. Please try again in a moment."}</p>
          <div className="mt-4 flex gap-3">
            <button type="button" onClick={() => retry()} className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              Try again
            </button>
            {/* A full page load, not client navigation: the app shell itself is what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-100">
              Go to the home page
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
