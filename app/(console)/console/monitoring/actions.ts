"use server";

import { revalidatePath } from "next/cache";
import { failure, formFields, invalidInput, type ActionResult } from "@/lib/action-result";
import { getAdminForAction, NOT_ALLOWED } from "@/lib/auth/admin";
import { saveThresholds, thresholdsFormSchema } from "@/lib/monitoring/thresholds";

/** Sets the limits past which the dashboard shows a metric in red. */
export async function saveMonitoringThresholds(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await getAdminForAction();
  if (!admin) return failure(NOT_ALLOWED);
  const parsed = thresholdsFormSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  await saveThresholds(parsed.data, admin.id);
  revalidatePath("/console/monitoring");
  return { ok: true };
}
