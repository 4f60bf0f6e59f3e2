"use client";

import { useActionState, useState } from "react";
import { reportItem, type ReportFormState } from "@/app/(market)/reports/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { REPORT_REASON_LABELS, REPORT_REASONS, type ModerationItemKind } from "@/lib/db/safety-vocabulary";
import { REPORT_NOTE_MAX_LENGTH } from "@/lib/safety/safety-schemas";

type ReportFormProps = { kind: ModerationItemKind; targetId: string; label: string };

/** "Report": a reason from the short list and an optional note, folded away until asked for. */
export function ReportForm({ kind, targetId, label }: ReportFormProps) {
  // Controlled: a refused report keeps what was chosen and typed.
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [state, formAction, pending] = useActionState<ReportFormState, FormData>(reportItem, null);

  if (state?.ok) {
    return (
      <p role="status" data-testid="report-received" className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        Thank you: your report was received. A moderator will look at it, and you&apos;ll see what was decided on My listings.
      </p>
    );
  }
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <details className="rounded-lg border border-stone-200 bg-white px-3 py-2 text-sm" open={Boolean(state && !state.ok)}>
      <summary className="cursor-pointer text-stone-700">{label}</summary>
      <form action={formAction} className="mt-3 flex flex-col gap-3" noValidate>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="targetId" value={targetId} />
        <Field label="Reason" errors={errors.reason}>
          {(props) => (
            <select {...props} name="reason" value={reason} onChange={(event) => setReason(event.target.value)} className={inputClass} required>
              <option value="">Choose a reason</option>
              {REPORT_REASONS.map((value) => (
                <option key={value} value={value}>
                  {REPORT_REASON_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Note (optional)" errors={errors.note} hint="What should a moderator know? The person you report is not told who you are.">
          {(props) => (
            <textarea {...props} name="note" rows={3} value={note} maxLength={REPORT_NOTE_MAX_LENGTH} onChange={(event) => setNote(event.target.value)} className={`${inputClass} resize-y`} />
          )}
        </Field>
        {state && !state.ok && !state.fieldErrors && (
          <p role="alert" className="text-sm text-red-700">
            {state.error}
          </p>
        )}
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Sending…" : "Send report"}
          </Button>
        </div>
      </form>
    </details>
  );
}
