"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, formFields, invalidInput, type ActionResult } from "@/lib/action-result";
import { promoteLabelSchema, queueRulesSchema, reviewLabelSchema } from "@/lib/annotation/label-schema";
import { recordLabel } from "@/lib/annotation/labels";
import { promoteLabel } from "@/lib/annotation/promote";
import { claimItem, claimNextItem } from "@/lib/annotation/queue";
import { getAdminForAction, NOT_ALLOWED } from "@/lib/auth/admin";
import { releaseReviewItem } from "@/lib/db/queries/review-claims";
import { updateQueueRules } from "@/lib/db/queries/review-queue";

// The review queue's actions (console, admins only). Claiming and "next" actions end in a
// redirect to the item, so they return a result only when they refuse.

const QUEUE_PATH = "/console/review";
const itemPath = (itemId: string) => `${QUEUE_PATH}/${itemId}`;
const QUEUE_EMPTY = "Nothing waits for your review right now.";

const itemSchema = z.object({ itemId: z.uuid("This review item no longer exists.") });
const nextSchema = z.object({ skipItemId: z.uuid().optional().or(z.literal("").transform(() => undefined)) });

/** Sets the rules that fill the queue; they apply from the next fill. */
export async function saveQueueRules(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = queueRulesSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  await updateQueueRules(parsed.data, admin.id);
  revalidatePath(QUEUE_PATH);
  return { ok: true };
}

/** Claims the reviewer's next item and opens it; with skipItemId, lets that one go first. */
export async function reviewNextItem(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = nextSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { skipItemId } = parsed.data;
  if (skipItemId) await releaseReviewItem(skipItemId, admin.id);
  const next = await claimNextItem(admin.id, { skipItemId });
  if (!next) {
    revalidatePath(QUEUE_PATH);
    if (skipItemId) redirect(`${QUEUE_PATH}?empty=1`);
    return failure(QUEUE_EMPTY);
  }
  redirect(itemPath(next.id));
}

/** Claims one item chosen from the queue list and opens it. */
export async function claimItemForReview(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = itemSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const claimed = await claimItem(parsed.data.itemId, admin.id);
  if (!claimed.ok) {
    if (claimed.reason === "missing") return failure("This review item no longer exists.");
    if (claimed.reason === "complete") return failure("This item already has all the labels it needs.");
    if (claimed.reason === "taken") return failure("Another reviewer is labelling this item right now.");
    // "labelled": the reviewer opens their own label to read or correct it.
  }
  redirect(itemPath(parsed.data.itemId));
}

/** Saves the reviewer's label; with intent "next", goes on to their next item. */
export async function saveItemLabel(_previous: ActionResult<{ created: boolean }> | null, formData: FormData): Promise<ActionResult<{ created: boolean }>> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = reviewLabelSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const saved = await recordLabel(admin.id, parsed.data);
  if (!saved.ok) return saved;
  revalidatePath(QUEUE_PATH);
  revalidatePath(itemPath(parsed.data.itemId));
  if (formData instanceof FormData && formData.get("intent") === "next") {
    const next = await claimNextItem(admin.id, { skipItemId: parsed.data.itemId });
    redirect(next ? itemPath(next.id) : `${QUEUE_PATH}?empty=1`);
  }
  return saved;
}

/** Makes a label a case of an evaluation dataset (a new version of it). */
export async function promoteItemLabel(
  _previous: ActionResult<{ message: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ message: string }>> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = promoteLabelSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const promoted = await promoteLabel(parsed.data);
  // The message goes beside the dataset field; a problem with the label itself has no field of its own.
  if (!promoted.ok) return { ok: false, error: "Nothing was added.", fieldErrors: { [promoted.field]: [promoted.error] } };
  revalidatePath(QUEUE_PATH, "layout");
  revalidatePath("/console/datasets");
  return { ok: true, message: `Added as case ${promoted.caseId}: ${promoted.dataset} v${promoted.version} now has ${promoted.caseCount} case${promoted.caseCount === 1 ? "" : "s"}.` };
}
