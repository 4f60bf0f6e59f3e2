"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { failure, formFields, invalidInput, type ActionResult } from "@/lib/action-result";
import { getModeratorForAction, NOT_ALLOWED } from "@/lib/auth/admin";
import { invalidateCatalogue, invalidateListing } from "@/lib/catalogue/cached-reads";
import * as moderation from "@/lib/safety/moderation";
import { claimSchema, dismissSchema, hideListingSchema, liftSuspensionSchema, restoreListingSchema, suspendUserSchema } from "@/lib/safety/safety-schemas";

// The moderation queue's actions (console, moderators and admins). Each is rate-limited per
// moderator and audited (lib/safety/moderation.ts); none deletes anything.

export type ModerationFormState = ActionResult | null;

const QUEUE_PATH = "/console/moderation";

/**
 * The shape every moderation action shares: who may call, parse, decide, refresh what changed
 * (`changedCatalogue`: what buyers see of listings, expired at once from the shared cache).
 */
function moderationAction<Schema extends z.ZodType>(
  schema: Schema,
  decide: (moderatorId: string, input: z.infer<Schema>) => Promise<moderation.ModerationOutcome>,
  changedPaths: (input: z.infer<Schema>) => string[],
  changedCatalogue?: (input: z.infer<Schema>) => void,
) {
  return async (formData: unknown): Promise<ActionResult> => {
    const moderator = await getModeratorForAction();
    if (!moderator) return failure(NOT_ALLOWED);
    const parsed = schema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const result = await decide(moderator.id, parsed.data);
    if (!result.ok) return failure(result.error);
    changedCatalogue?.(parsed.data);
    for (const path of [QUEUE_PATH, `${QUEUE_PATH}/log`, "/", "/my-listings", ...changedPaths(parsed.data)]) revalidatePath(path);
    return { ok: true };
  };
}

const claim = moderationAction(claimSchema, (id, input) => moderation.claimItem(id, input.itemId, input.reason), (input) => [`${QUEUE_PATH}/${input.itemId}`]);
const dismiss = moderationAction(dismissSchema, moderation.dismissItem, (input) => [`${QUEUE_PATH}/${input.itemId}`]);
const hide = moderationAction(
  hideListingSchema,
  moderation.hideListing,
  (input) => [`/listings/${input.listingId}`, ...(input.itemId ? [`${QUEUE_PATH}/${input.itemId}`] : [])],
  (input) => invalidateListing(input.listingId),
);
const restore = moderationAction(restoreListingSchema, moderation.restoreListing, (input) => [`/listings/${input.listingId}`], (input) => invalidateListing(input.listingId));
// A suspension hides, and lifting it shows again, every listing of the seller.
const suspend = moderationAction(suspendUserSchema, (id, input) => moderation.suspendUser(id, input), (input) => (input.itemId ? [`${QUEUE_PATH}/${input.itemId}`] : []), invalidateCatalogue);
const lift = moderationAction(liftSuspensionSchema, moderation.liftSuspension, () => [], invalidateCatalogue);

export async function claimModerationItem(_previous: ModerationFormState, formData: FormData): Promise<ModerationFormState> {
  return claim(formData);
}

export async function dismissReports(_previous: ModerationFormState, formData: FormData): Promise<ModerationFormState> {
  return dismiss(formData);
}

export async function hideReportedListing(_previous: ModerationFormState, formData: FormData): Promise<ModerationFormState> {
  return hide(formData);
}

export async function restoreHiddenListing(_previous: ModerationFormState, formData: FormData): Promise<ModerationFormState> {
  return restore(formData);
}

export async function suspendReportedUser(_previous: ModerationFormState, formData: FormData): Promise<ModerationFormState> {
  return suspend(formData);
}

export async function liftUserSuspension(_previous: ModerationFormState, formData: FormData): Promise<ModerationFormState> {
  return lift(formData);
}
