"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { REVIEW_MAX_LENGTH } from "@/lib/buyers/schemas";

type ReviewFormProps = { listingId: string; action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult | null> };

export function ReviewForm({ listingId, action }: ReviewFormProps) {
  const [rating, setRating] = useState("");
  const [body, setBody] = useState("");
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <p className="rounded-lg bg-brand-50 px-3 py-2 text-brand-900">Thanks: your review is on the seller&apos;s profile.</p>;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="listingId" value={listingId} />
      {state && !state.ok && !state.fieldErrors && (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      )}
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-stone-800">Stars</legend>
        <div className="flex gap-3">
          {[1, 2, 3, 4, 5].map((stars) => (
            <label key={stars} className="flex items-center gap-1 text-sm">
              <input type="radio" name="rating" value={stars} checked={rating === String(stars)} onChange={() => setRating(String(stars))} />
              {stars} {stars === 1 ? "star" : "stars"}
            </label>
          ))}
        </div>
        {errors?.rating && (
          <p role="alert" className="text-sm text-red-700">
            {errors.rating.join(" ")}
          </p>
        )}
      </fieldset>
      <Field label="Your review" errors={errors?.body} hint={`Optional, up to ${REVIEW_MAX_LENGTH} characters.`}>
        {(props) => <textarea {...props} name="body" rows={3} maxLength={REVIEW_MAX_LENGTH} value={body} onChange={(event) => setBody(event.target.value)} className={inputClass} />}
      </Field>
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? "Sending…" : "Post review"}
      </Button>
    </form>
  );
}
