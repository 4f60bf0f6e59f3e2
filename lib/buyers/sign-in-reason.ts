import { z } from "zod";

// Why a signed-out buyer was sent to sign in, so the page can say it and name the listing.
export const SIGN_IN_REASONS = ["message", "save", "offer", "search"] as const;
export type SignInReason = (typeof SIGN_IN_REASONS)[number];

const reasonSchema = z.enum(SIGN_IN_REASONS).optional().catch(undefined);

/** The sign-in link for an action that needs an account; `next` is where the buyer returns. */
export function signInHref(next: string, reason: SignInReason, listingId?: string): string {
  const params = new URLSearchParams({ next, why: reason });
  if (listingId) params.set("listing", listingId);
  return `/sign-in?${params.toString()}`;
}

export function parseSignInReason(value: unknown): SignInReason | undefined {
  return reasonSchema.parse(Array.isArray(value) ? value[0] : value);
}

/** "Sign in to message the seller of “Kids bike”". */
export function signInHeading(reason: SignInReason | undefined, listingTitle: string | null): string {
  const item = listingTitle ? `“${listingTitle}”` : "this listing";
  switch (reason) {
    case "message":
      return `Sign in to message the seller of ${item}`;
    case "save":
      return `Sign in to save ${item}`;
    case "offer":
      return `Sign in to make an offer on ${item}`;
    case "search":
      return "Sign in to save this search";
    default:
      return "Sign in to Trova";
  }
}

/** A path with `save=<listing id>` added: after sign-in, that page completes the save. */
export function withPendingSave(path: string, listingId: string): string {
  const url = new URL(path, "http://trova.invalid");
  url.searchParams.set("save", listingId);
  return `${url.pathname}${url.search}${url.hash}`;
}
