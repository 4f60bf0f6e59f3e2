import { z } from "zod";
import { MODERATION_ITEM_KINDS, REPORT_REASONS } from "@/lib/db/safety-vocabulary";
import { withoutControlCharacters } from "@/lib/plain-text";

// The forms of trust and safety: a person's report, a block, and the moderators' decisions.
// The server actions parse with these same schemas.

export const REPORT_NOTE_MAX_LENGTH = 1000;
export const MODERATION_REASON_MAX_LENGTH = 500;
/** The longest timed suspension; beyond it, suspend permanently. */
export const MAX_SUSPENSION_DAYS = 3650;

const idSchema = z.guid("That item could not be found.");

export const reportSchema = z.object({
  kind: z.enum(MODERATION_ITEM_KINDS, "That item could not be found."),
  targetId: idSchema,
  reason: z.enum(REPORT_REASONS, "Choose a reason."),
  note: z
    .string()
    .overwrite(withoutControlCharacters)
    .trim()
    .max(REPORT_NOTE_MAX_LENGTH, `Keep the note under ${REPORT_NOTE_MAX_LENGTH.toLocaleString("en-IE")} characters.`)
    .default(""),
});
export type ReportInput = z.infer<typeof reportSchema>;

export const blockSchema = z.object({ conversationId: z.guid("That conversation could not be found.") });

/** Why a moderator did something: required, so the audit log always says. */
const reasonSchema = z
  .string("Say why, for the audit log.")
  .overwrite(withoutControlCharacters)
  .trim()
  .min(3, "Say why, for the audit log.")
  .max(MODERATION_REASON_MAX_LENGTH, `Keep it under ${MODERATION_REASON_MAX_LENGTH} characters.`);

const optionalItemId = z
  .union([z.guid("That item could not be found."), z.literal("")])
  .optional()
  .transform((value) => value || null);

export const claimSchema = z.object({ itemId: idSchema, reason: z.literal("").optional().transform(() => "Took the item from the queue.") });

export const dismissSchema = z.object({ itemId: idSchema, reason: reasonSchema });

export const hideListingSchema = z.object({ listingId: idSchema, itemId: optionalItemId, reason: reasonSchema });

export const restoreListingSchema = z.object({ listingId: idSchema, reason: reasonSchema });

export const suspendUserSchema = z.object({
  userId: z.string().min(1, "That user could not be found.").max(100, "That user could not be found."),
  itemId: optionalItemId,
  // Empty: permanent.
  days: z
    .union([z.literal("").transform(() => null), z.coerce.number("Give whole days, or leave empty for permanent.").int("Give whole days, or leave empty for permanent.").min(1, "At least one day.").max(MAX_SUSPENSION_DAYS, `At most ${MAX_SUSPENSION_DAYS} days; leave empty for permanent.`)])
    .default(null),
  reason: reasonSchema,
});

export const liftSuspensionSchema = z.object({ userId: z.string().min(1, "That user could not be found.").max(100, "That user could not be found."), reason: reasonSchema });
