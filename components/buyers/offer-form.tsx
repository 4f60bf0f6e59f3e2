"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

type OfferFormProps = {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult | null>;
  hidden: Record<string, string>;
  label: string;
  submitLabel: string;
};

/** An amount in euros and a button: a first offer on a listing, or a counter-offer in a conversation. */
export function OfferForm({ action, hidden, label, submitLabel }: OfferFormProps) {
  const [amount, setAmount] = useState("");
  const [state, formAction, pending] = useActionState(async (previous: ActionResult | null, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok) setAmount("");
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors?.amount ?? [state.error]) : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-2" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field label={label} errors={errors} hint="In euros, like 40 or 39.50.">
        {(props) => <input {...props} name="amount" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} className={inputClass} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? "Sending…" : submitLabel}
      </Button>
    </form>
  );
}
