import { notify } from "@/lib/buyers/notifier";
import * as moderation from "@/lib/db/queries/moderation";
import { consumeRateLimit, RATE_LIMITS, rateLimitMessage } from "@/lib/rate-limit";
import type { z } from "zod";
import type { dismissSchema, hideListingSchema, liftSuspensionSchema, restoreListingSchema, suspendUserSchema } from "./safety-schemas";
import { describeSuspensionEnd, suspensionEnd } from "./suspension";

// The moderators' decisions, each rate-limited per moderator and written to the audit log (in
// the same transaction as the change, lib/db/queries/moderation.ts). Reporters are told the
// outcome in the words below; sellers see the reason a listing was hidden.

export type ModerationOutcome = { ok: true } | { ok: false; error: string };

const REFUSALS: Record<"not-found" | "closed" | "unchanged", string> = {
  "not-found": "That item could not be found.",
  closed: "That item has been decided already.",
  unchanged: "Nothing to change: it is already so.",
};

const DECISIONS = {
  dismissed: "Reviewed by a moderator: no rule was broken, so nothing was changed.",
  hidden: "Reviewed by a moderator: the listing breaks Trova's rules and has been removed from the site.",
  suspended: "Reviewed by a moderator: the account behind it has been suspended.",
};

/** Counts one decision against the moderator; the message to show when they are over the limit. */
async function overLimit(moderatorId: string): Promise<string | null> {
  const verdict = await consumeRateLimit(`moderation:${moderatorId}`, RATE_LIMITS.moderatorActions);
  return verdict.ok ? null : rateLimitMessage(verdict.retryAfterSeconds, "moderation actions");
}

function outcome(result: moderation.ModerationResult): ModerationOutcome {
  return result.ok ? { ok: true } : { ok: false, error: REFUSALS[result.reason] };
}

async function limited(moderatorId: string, work: () => Promise<moderation.ModerationResult>): Promise<ModerationOutcome> {
  const refused = await overLimit(moderatorId);
  if (refused) return { ok: false, error: refused };
  const result = await work();
  if (result.ok && result.told) await tellReporters(result.told);
  return outcome(result);
}

/** Each person whose report a decision closed gets a notification; "Your reports" keeps the record. */
async function tellReporters({ reporterIds, decision }: moderation.ReportersTold): Promise<void> {
  if (reporterIds.length === 0) return;
  // The decision is made and logged: a notice that fails to store is logged, not the moderator's error.
  await notify(reporterIds.map((userId) => ({ userId, kind: "report" as const, text: `Your report was reviewed. ${decision}`, href: "/my-listings#your-reports" }))).catch((error: unknown) =>
    console.error("[moderation] reporters could not be notified:", error),
  );
}

export function claimItem(moderatorId: string, itemId: string, reason: string) {
  return limited(moderatorId, () => moderation.claimModerationItem(moderatorId, itemId, reason));
}

export function dismissItem(moderatorId: string, input: z.infer<typeof dismissSchema>) {
  return limited(moderatorId, () => moderation.dismissModerationItem(moderatorId, input.itemId, input.reason, DECISIONS.dismissed));
}

export function hideListing(moderatorId: string, input: z.infer<typeof hideListingSchema>) {
  return limited(moderatorId, () => moderation.hideListing(moderatorId, { ...input, publicReason: input.reason, decision: DECISIONS.hidden }));
}

export function restoreListing(moderatorId: string, input: z.infer<typeof restoreListingSchema>) {
  return limited(moderatorId, () => moderation.restoreListing(moderatorId, input));
}

export function suspendUser(moderatorId: string, input: z.infer<typeof suspendUserSchema>, now = new Date()) {
  const endsAt = suspensionEnd(input.days, now);
  return limited(moderatorId, () =>
    moderation.suspendUser(moderatorId, { userId: input.userId, itemId: input.itemId, endsAt, reason: input.reason, decision: `${DECISIONS.suspended} (${describeSuspensionEnd(endsAt)})` }),
  );
}

export function liftSuspension(moderatorId: string, input: z.infer<typeof liftSuspensionSchema>) {
  return limited(moderatorId, () => moderation.liftSuspension(moderatorId, input));
}
