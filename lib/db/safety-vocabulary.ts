// The fixed vocabularies of trust and safety. The database enums (schema.ts), the report form,
// the moderation queue and the audit log all read them from here.

export const REPORT_REASONS = ["scam", "prohibited", "wrong_category", "offensive", "explicit_photo", "harassment", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  scam: "Scam or fraud",
  prohibited: "Prohibited item",
  wrong_category: "Wrong category",
  offensive: "Offensive",
  explicit_photo: "Explicit photo",
  harassment: "Harassment",
  other: "Other",
};

/** What is reported: a listing (from its page) or a conversation (from inside it). */
export const MODERATION_ITEM_KINDS = ["listing", "conversation"] as const;
export type ModerationItemKind = (typeof MODERATION_ITEM_KINDS)[number];

/** Every entry of the audit log is one of these. Each one but `claim` can be undone by another. */
export const MODERATION_ACTIONS = ["claim", "dismiss", "hide_listing", "restore_listing", "suspend_user", "lift_suspension"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const MODERATION_ACTION_LABELS: Record<ModerationAction, string> = {
  claim: "Claimed",
  dismiss: "Dismissed the reports",
  hide_listing: "Hid the listing",
  restore_listing: "Restored the listing",
  suspend_user: "Suspended the user",
  lift_suspension: "Lifted the suspension",
};
