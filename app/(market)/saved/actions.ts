"use server";

import { revalidatePath } from "next/cache";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { savedListingSchema, savedSearchChangeSchema, saveSearchSchema } from "@/lib/buyers/schemas";
import * as savedListings from "@/lib/db/queries/saved-listings";
import * as savedSearches from "@/lib/db/queries/saved-searches";
import { normaliseSearchQuery } from "@/lib/listings/saved-search-query";

const SIGNED_OUT = "You're signed out. Sign in, then try again.";

export async function saveListing(input: unknown): Promise<ActionResult> {
  const parsed = savedListingSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0].message);
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT);
  if (!(await savedListings.saveListing(user.id, parsed.data.listingId))) return failure("This listing no longer exists.");
  revalidatePath("/saved");
  return { ok: true };
}

export async function unsaveListing(input: unknown): Promise<ActionResult> {
  const parsed = savedListingSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0].message);
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT);
  await savedListings.unsaveListing(user.id, parsed.data.listingId);
  revalidatePath("/saved");
  return { ok: true };
}

export async function saveSearch(input: unknown): Promise<ActionResult<{ savedSearchId: string }>> {
  const parsed = saveSearchSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0].message);
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT);
  const query = normaliseSearchQuery(parsed.data.query);
  if (query === null) return failure("This search has too many filters to save. Remove a few and try again.");
  const saved = await savedSearches.saveSearch(user.id, query);
  if (!saved.ok) return failure(`You can keep up to ${savedSearches.MAX_SAVED_SEARCHES} saved searches. Delete one on your Saved page first.`);
  revalidatePath("/saved");
  return { ok: true, savedSearchId: saved.id };
}

export async function setSavedSearchPaused(input: unknown): Promise<ActionResult> {
  const parsed = savedSearchChangeSchema.safeParse(input);
  if (!parsed.success || parsed.data.paused === undefined) return failure("Choose to pause or resume the search.");
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT);
  if (!(await savedSearches.setSavedSearchPaused(user.id, parsed.data.savedSearchId, parsed.data.paused))) return failure("That saved search doesn't exist.");
  revalidatePath("/saved");
  return { ok: true };
}

export async function deleteSavedSearch(input: unknown): Promise<ActionResult> {
  const parsed = savedSearchChangeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0].message);
  const user = await getCurrentUser();
  if (!user) return failure(SIGNED_OUT);
  if (!(await savedSearches.deleteSavedSearch(user.id, parsed.data.savedSearchId))) return failure("That saved search doesn't exist.");
  revalidatePath("/saved");
  return { ok: true };
}
