"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { saveListing, unsaveListing } from "@/app/(market)/saved/actions";
import { heartGlyph, saveButtonLabel } from "@/lib/buyers/save-label";

const FAILED = "That didn't work. Try again.";

/**
 * What a listing card does when clicked. Cards are server-rendered HTML (see listing-card.tsx), so
 * one listener on the document gives their links client-side navigation, as <Link> would, and
 * makes a signed-in viewer's heart save and unsave at once, saying so beside it if that fails.
 */
export function CardActions() {
  const router = useRouter();
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || !(event.target instanceof Element)) return;
      const heart = event.target.closest<HTMLButtonElement>("button[data-save-listing]");
      if (heart) return void toggleSaved(heart);
      const link = event.target.closest<HTMLAnchorElement>("a[data-card-link]");
      // A new tab, window or download stays the browser's.
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      router.push(link.getAttribute("href")!);
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}

async function toggleSaved(heart: HTMLButtonElement) {
  if (heart.dataset.pending) return;
  const listingId = heart.dataset.saveListing!;
  const wasSaved = heart.getAttribute("aria-pressed") === "true";
  if (document.activeElement === heart) keepFocusOnReplacement(heart, listingId);
  heart.dataset.pending = "true";
  heart.parentElement?.querySelector("[data-save-error]")?.remove();
  showSaved(heart, !wasSaved);
  const result = await (wasSaved ? unsaveListing : saveListing)({ listingId }).catch(() => ({ ok: false as const, error: FAILED }));
  delete heart.dataset.pending;
  if (result.ok) return;
  showSaved(heart, wasSaved);
  const alert = document.createElement("p");
  alert.setAttribute("role", "alert");
  alert.dataset.saveError = "";
  alert.className = "absolute inset-x-2 top-12 z-10 rounded bg-white/95 p-1 text-sm text-red-700 shadow";
  alert.textContent = result.error;
  heart.after(alert);
}

function showSaved(heart: HTMLButtonElement, saved: boolean) {
  heart.setAttribute("aria-pressed", String(saved));
  heart.setAttribute("aria-label", saveButtonLabel(heart.dataset.title ?? "", saved));
  const glyph = heart.querySelector("span");
  if (glyph) glyph.textContent = heartGlyph(saved);
}

// A save revalidates /saved, so Next re-renders this page too and the grid's HTML is rebuilt: the
// heart that had the focus is replaced by a new one, and the focus would fall back to the page.
// Where the listing left the page (unsaved on /saved), the heart now in its place gets the focus,
// or the page's heading when none is left.
function keepFocusOnReplacement(heart: HTMLButtonElement, listingId: string) {
  const hearts = () => [...document.querySelectorAll<HTMLButtonElement>("button[data-save-listing]")];
  const index = hearts().indexOf(heart);
  const observer = new MutationObserver(() => {
    if (heart.isConnected) return;
    observer.disconnect();
    const remaining = hearts();
    const next = remaining.find((candidate) => candidate.dataset.saveListing === listingId) ?? remaining[Math.min(index, remaining.length - 1)];
    if (next) return next.focus();
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 10_000);
}
