"use client";

import { unstable_rethrow } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { UploadedPhoto } from "@/app/(market)/sell/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass, type FieldMark } from "@/components/ui/field";
import { invalidInput, type ActionResult, type FieldErrors } from "@/lib/action-result";
import { descriptionPlaceholder, descriptionPrompts, hasPrompt, insertPrompt } from "@/lib/listings/description-prompts";
import { listingSchema, type ListingFormValues } from "@/lib/listings/listing-schema";
import { CATEGORIES, CONDITION_LABELS, CONDITIONS } from "@/lib/listings/options";
import { PlaceInput } from "@/components/places/place-input";
import { PhotoPicker } from "./photo-picker";

export type ListingSubmission = ListingFormValues & { photoIds: string[] };

type ListingFormProps = {
  /** A server action: redirects on success, returns what went wrong otherwise. */
  action: (submission: ListingSubmission) => Promise<ActionResult>;
  submitLabel: string;
  pendingLabel: string;
  /** Starting values: a listing being edited, or (later) suggestions made from a photo. */
  initialValues?: Partial<ListingFormValues>;
  initialPhotos?: UploadedPhoto[];
  maxUploadMb: number;
  /** Given by the sell page, which owns the values and photos (it keeps a draft and pre-fills them). */
  controlled?: {
    values: ListingFormValues;
    onValueChange: (field: keyof ListingFormValues, value: string) => void;
    photos: UploadedPhoto[];
    onPhotosChange: React.Dispatch<React.SetStateAction<UploadedPhoto[]>>;
  };
  /** Fields whose value the seller has not confirmed yet (see Field). */
  marks?: Partial<Record<keyof ListingFormValues, FieldMark>>;
  /** Why a field is empty or marked (a suggestion's explanation), shown under it. */
  reasons?: Partial<Record<keyof ListingFormValues, string>>;
  /** Extra content: under the photos, above the price and under it. */
  afterPhotos?: React.ReactNode;
  beforePrice?: React.ReactNode;
  afterPrice?: React.ReactNode;
  /** Just above the submit button. */
  beforeSubmit?: React.ReactNode;
};

const EMPTY_VALUES: ListingFormValues = { title: "", description: "", category: "", condition: "", price: "", place: "" };

/**
 * The create/edit form. Every value lives in React state and the action is called from
 * onSubmit (not `<form action>`), so a refused submit keeps what was typed and chosen.
 */
export function ListingForm({
  action,
  submitLabel,
  pendingLabel,
  initialValues,
  initialPhotos,
  maxUploadMb,
  controlled,
  marks = {},
  reasons = {},
  afterPhotos,
  beforePrice,
  afterPrice,
  beforeSubmit,
}: ListingFormProps) {
  const [ownValues, setOwnValues] = useState<ListingFormValues>({ ...EMPTY_VALUES, ...initialValues });
  const [ownPhotos, setOwnPhotos] = useState<UploadedPhoto[]>(initialPhotos ?? []);
  const values = controlled?.values ?? ownValues;
  const photos = controlled?.photos ?? ownPhotos;
  const setPhotos = controlled?.onPhotosChange ?? setOwnPhotos;
  const [uploading, setUploading] = useState(false);
  // A refusal remembers what was submitted: a field's message shows only while it still holds
  // the refused value, so a value filled in later (by the seller or a suggestion) clears it.
  const [failure, setFailure] = useState<{ error: string; fieldErrors?: FieldErrors; submitted?: ListingSubmission } | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const fieldErrors = currentFieldErrors(failure, { ...values, photoIds: photos.map((photo) => photo.id) });

  // After a refused submit, take keyboard and screen-reader users to the first field to fix.
  useEffect(() => {
    if (!failure) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? formRef.current?.querySelector<HTMLElement>("[data-form-error]"))?.focus();
  }, [failure]);

  function update(field: keyof ListingFormValues, value: string) {
    if (controlled) controlled.onValueChange(field, value);
    else setOwnValues((current) => ({ ...current, [field]: value }));
  }

  // A chip adds its question on a new line and leaves the caret after it, ready for the answer.
  function addPrompt(prompt: string) {
    const next = insertPrompt(values.description, prompt);
    update("description", next);
    requestAnimationFrame(() => {
      const textarea = descriptionRef.current;
      if (!textarea) return;
      textarea.focus();
      textarea.setSelectionRange(next.length, next.length);
    });
  }

  const unaskedPrompts = descriptionPrompts(values.category).filter((prompt) => !hasPrompt(values.description, prompt));

  function handleSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (uploading) {
      setFailure({ error: "Your photos are still uploading. Wait a moment, then try again." });
      return;
    }
    const submission: ListingSubmission = { ...values, photoIds: photos.map((photo) => photo.id) };
    // The same schema the server applies: most mistakes are explained without a round trip.
    const checked = listingSchema.safeParse(submission);
    if (!checked.success) {
      setFailure({ ...invalidInput(checked.error), submitted: submission });
      return;
    }
    startTransition(async () => {
      try {
        const result = await action(submission);
        // On success the action redirects to the listing; there is nothing to show here.
        if (result && !result.ok) setFailure({ ...result, submitted: submission });
      } catch (error) {
        // The action's redirect to the published listing arrives as an error: let Next handle it.
        unstable_rethrow(error);
        // A lost connection, or Trova itself unavailable (its database away): nothing typed is lost.
        setFailure({ error: "Your listing couldn't be saved just now: the connection or Trova is temporarily unavailable. Everything you entered is still here; try again in a moment." });
      }
    });
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="flex flex-col gap-5" data-testid="listing-form">
      {failure && (!failure.fieldErrors || Object.values(fieldErrors).some(Boolean)) && (
        <p role="alert" tabIndex={-1} data-form-error className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {failure.error}
        </p>
      )}
      <PhotoPicker
        photos={photos}
        onPhotosChange={setPhotos}
        onBusyChange={setUploading}
        errors={fieldErrors.photoIds}
        maxUploadMb={maxUploadMb}
      />
      {afterPhotos}
      <Field label="Title" mark={marks.title} reason={reasons.title} errors={fieldErrors.title} hint="What is it? 3 to 120 characters.">
        {(props) => (
          <input {...props} value={values.title} onChange={(event) => update("title", event.target.value)} autoComplete="off" className={inputClass} />
        )}
      </Field>
      <div className="flex flex-col gap-2">
        <Field label="Description" mark={marks.description} errors={fieldErrors.description} hint="Optional: size, age, flaws, pick-up or delivery.">
          {(props) => (
            <textarea
              {...props}
              ref={descriptionRef}
              value={values.description}
              onChange={(event) => update("description", event.target.value)}
              placeholder={descriptionPlaceholder(values.category)}
              rows={6}
              className={inputClass}
            />
          )}
        </Field>
        {unaskedPrompts.length > 0 && (
          <div role="group" aria-label="Add a line about" className="flex flex-wrap items-center gap-2" data-testid="description-prompts">
            <span className="text-xs text-stone-500">Add a line about:</span>
            {unaskedPrompts.map((prompt) => (
              <button
                key={prompt}
                type="button"
                onClick={() => addPrompt(prompt)}
                className="rounded-full border border-stone-300 bg-white px-2.5 py-1 text-xs text-stone-700 hover:bg-stone-100"
              >
                + {prompt}
              </button>
            ))}
          </div>
        )}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Category" mark={marks.category} reason={reasons.category} errors={fieldErrors.category}>
          {(props) => (
            <select {...props} value={values.category} onChange={(event) => update("category", event.target.value)} className={inputClass}>
              <option value="" disabled>
                Choose a category
              </option>
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {category}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Condition" mark={marks.condition} reason={reasons.condition} errors={fieldErrors.condition}>
          {(props) => (
            <select {...props} value={values.condition} onChange={(event) => update("condition", event.target.value)} className={inputClass}>
              <option value="" disabled>
                Choose the condition
              </option>
              {CONDITIONS.map((condition) => (
                <option key={condition} value={condition}>
                  {CONDITION_LABELS[condition]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Where is it?" errors={fieldErrors.place} hint="Your town or city, not your address. Buyers see the town and how far it is from them.">
        {(props) => <PlaceInput fieldProps={props} value={values.place} onChange={(value) => update("place", value)} />}
      </Field>
      {beforePrice}
      <Field label="Price (EUR)" mark={marks.price} reason={reasons.price} errors={fieldErrors.price} hint="Like 25 or 25.50. Enter 0 to give it away.">
        {(props) => (
          <div className="relative sm:max-w-xs">
            <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-stone-500">
              €
            </span>
            <input
              {...props}
              value={values.price}
              onChange={(event) => update("price", event.target.value)}
              inputMode="decimal"
              autoComplete="off"
              className={`${inputClass} pl-7`}
            />
          </div>
        )}
      </Field>
      {afterPrice}
      {beforeSubmit}
      <div>
        <Button type="submit" disabled={pending} aria-disabled={uploading}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}

function currentFieldErrors(
  failure: { fieldErrors?: FieldErrors; submitted?: ListingSubmission } | null,
  now: ListingSubmission,
): FieldErrors {
  if (!failure?.fieldErrors) return {};
  const { fieldErrors, submitted } = failure;
  if (!submitted) return fieldErrors;
  const unchanged = (field: keyof ListingSubmission) =>
    field === "photoIds" ? submitted.photoIds.join() === now.photoIds.join() : submitted[field] === now[field];
  return Object.fromEntries(
    Object.entries(fieldErrors).filter(([field]) => !(field in now) || unchanged(field as keyof ListingSubmission)),
  ) as FieldErrors;
}
