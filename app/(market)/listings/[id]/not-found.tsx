import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Listing not found" };

export default function ListingNotFound() {
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This listing doesn’t exist</h1>
      <p className="mt-3 text-stone-600">It may have been removed by its seller, or the link is wrong.</p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">
        Browse listings
      </Link>
    </div>
  );
}
