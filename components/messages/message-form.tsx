"use client";

import { useActionState, useState } from "react";
import type { MessageFormState } from "@/app/(market)/messages/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { MESSAGE_MAX_LENGTH } from "@/lib/messages/message-schema";

type MessageFormProps = {
  action: (previous: MessageFormState, formData: FormData) => Promise<MessageFormState>;
  /** The id the action needs, e.g. { conversationId } or { listingId }. */
  hidden: Record<string, string>;
  label: string;
  placeholder?: string;
  submitLabel?: string;
};

/** A message box and Send button. The text stays after a failed send and clears after a sent one. */
export function MessageForm({ action, hidden, label, placeholder, submitLabel = "Send" }: MessageFormProps) {
  // Controlled, because React resets a form's uncontrolled fields after every action.
  const [body, setBody] = useState("");
  const [state, formAction, pending] = useActionState(async (previous: MessageFormState, formData: FormData) => {
    const result = await action(previous, formData);
    // Clears what was sent, but not a new message typed while this one was on its way.
    if (result?.ok) setBody((current) => (current === formData.get("body") ? "" : current));
    return result;
  }, null);

  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field label={label} errors={errorsOf(state)} hint={`Up to ${MESSAGE_MAX_LENGTH.toLocaleString("en-IE")} characters. Ctrl+Enter sends.`}>
        {(props) => (
          <textarea
            {...props}
            name="body"
            rows={4}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
            maxLength={MESSAGE_MAX_LENGTH}
            placeholder={placeholder}
            className={`${inputClass} resize-y`}
            required
          />
        )}
      </Field>
      <div className="flex items-center justify-end gap-3">
        <span className="text-xs text-stone-500" aria-hidden="true">
          {body.length}/{MESSAGE_MAX_LENGTH}
        </span>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** Every failure is shown beside the box: the body's own errors, else the reason the send failed. */
function errorsOf(state: MessageFormState): string[] | undefined {
  if (!state || state.ok) return undefined;
  const fieldErrors = state.fieldErrors ?? {};
  return fieldErrors.body ?? [Object.values(fieldErrors).flat().find(Boolean) ?? state.error];
}
