import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Page not found" };

// Rendered in the root layout, outside the marketplace's header: kept free of database reads so
// it works for any unknown URL. Rendered per request, not at build: only then does it carry the
// Content-Security-Policy nonce its scripts need (proxy.ts).
export default async function NotFound() {
  await connection();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <Link href="/" className="text-xl font-bold tracking-tight text-brand-700">
        Trova
      </Link>
      <p className="mt-6 text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-stone-600">There is nothing at this address. The link may be old or mistyped.</p>
      <Link href="/" className="mt-4 rounded-lg bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">
        Browse listings
      </Link>
    </main>
  );
}
