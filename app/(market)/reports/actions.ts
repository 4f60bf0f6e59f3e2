"use server";

import { revalidatePath } from "next/cache";
import { failure, formFields, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { fileReport } from "@/lib/db/queries/safety";
import { consumeReportAllowance } from "@/lib/safety/report-limit";
import { reportSchema } from "@/lib/safety/safety-schemas";

// Reports are filed from a listing's page and from inside a conversation (components/safety/report-form.tsx).

export type ReportFormState = ActionResult | null;

const REFUSALS = {
  "not-found": "This could not be found: it may have been removed.",
  "own-listing": "This is your own listing: you can edit or delete it instead.",
  "already-reported": "You have reported this already. A moderator will look at it; you'll see the outcome on My listings.",
} as const;

export async function reportItem(_previous: ReportFormState, formData: FormData): Promise<ReportFormState> {
  const parsed = reportSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await getCurrentUser();
  if (!user) return failure("Your session has ended. Sign in again to send your report.");
  const limited = await consumeReportAllowance(user.id);
  if (limited) return failure(limited);
  const filed = await fileReport({ reporterId: user.id, ...parsed.data });
  if (!filed.ok) return failure(REFUSALS[filed.reason]);
  revalidatePath("/my-listings");
  revalidatePath(parsed.data.kind === "listing" ? `/listings/${parsed.data.targetId}` : `/messages/${parsed.data.targetId}`);
  return { ok: true };
}
