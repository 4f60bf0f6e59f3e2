"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { saveListing } from "@/app/(market)/saved/actions";

/**
 * Completes a save a signed-out buyer asked for: the heart sent them to sign in and back here
 * with `save=<listing id>`; once signed in, the listing is saved and the parameter removed.
 */
export function PendingSave({ signedIn }: { signedIn: boolean }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const listingId = params.get("save");
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!signedIn || !listingId || done.current === listingId) return;
    done.current = listingId;
    void saveListing({ listingId }).finally(() => {
      const rest = new URLSearchParams(params);
      rest.delete("save");
      const query = rest.toString();
      router.replace(`${pathname}${query ? `?${query}` : ""}${window.location.hash}`, { scroll: false });
      router.refresh();
    });
  }, [signedIn, listingId, params, pathname, router]);
  return null;
}
