"use client";

import { useActionState, useState } from "react";
import type { ModerationFormState } from "@/app/(console)/console/moderation/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

type ModerationActionFormProps = {
  action: (previous: ModerationFormState, formData: FormData) => Promise<ModerationFormState>;
  /** Ids the action needs (itemId, listingId, userId). */
  hidden: Record<string, string>;
  submitLabel: string;
  /** A reason is asked for (and written to the audit log); false for claiming. */
  withReason?: boolean;
  reasonLabel?: string;
  /** Asks for a number of days (empty: permanent), for suspensions. */
  withDays?: boolean;
  variant?: "primary" | "secondary" | "danger";
  testId?: string;
};

/** One moderator decision: its reason (kept after a refusal) and the button that takes it. */
export function ModerationActionForm({ action, hidden, submitLabel, withReason = true, reasonLabel = "Reason (for the audit log)", withDays = false, variant = "secondary", testId }: ModerationActionFormProps) {
  const [reason, setReason] = useState("");
  const [days, setDays] = useState("");
  const [state, formAction, pending] = useActionState(async (previous: ModerationFormState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok) {
      setReason("");
      setDays("");
    }
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid={testId} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {withReason && (
        <Field label={reasonLabel} errors={errors.reason}>
          {(props) => <input {...props} name="reason" value={reason} onChange={(event) => setReason(event.target.value)} className={inputClass} />}
        </Field>
      )}
      {withDays && (
        <Field label="Days (empty: permanent)" errors={errors.days}>
          {(props) => <input {...props} name="days" inputMode="numeric" value={days} onChange={(event) => setDays(event.target.value)} className={inputClass} />}
        </Field>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" variant={variant} disabled={pending}>
          {submitLabel}
        </Button>
        {state?.ok && (
          <span role="status" className="text-sm text-emerald-800">
            Done.
          </span>
        )}
        {state && !state.ok && !state.fieldErrors && (
          <span role="alert" className="text-sm text-red-700">
            {state.error}
          </span>
        )}
      </div>
    </form>
  );
}
