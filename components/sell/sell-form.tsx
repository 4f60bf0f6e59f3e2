"use client";

import { unstable_rethrow } from "next/navigation";
import { useCallback, useEffect, useEffectEvent, useReducer, useRef } from "react";
import { createListing, type UploadedPhoto } from "@/app/(market)/sell/actions";
import { ListingForm, type ListingSubmission } from "@/components/listings/listing-form";
import type { ActionResult } from "@/lib/action-result";
import { requestPrefill } from "@/lib/sell/prefill-lines";
import { clearDraft, emptyDraft, fieldExplanations, fieldMarks, loadDraft, saveDraft, sellDraftReducer } from "@/lib/sell/sell-draft";
import { ComparablePrices } from "./comparable-prices";
import { PrefillStatus } from "./prefill-status";
import { StartOver } from "./start-over";
import { SuggestionDetailsFields } from "./suggestion-details-fields";
import { SuggestionFeedback } from "./suggestion-feedback";

type SellFormProps = { storageKey: string; maxUploadMb: number; locale: string; defaultPlace: string; onStartOver: () => void };

/**
 * Photo first, then the listing form filled in from the model's suggestion as it streams in.
 * Every change is saved to the draft; a field the seller has touched is never overwritten.
 */
export function SellForm({ storageKey, maxUploadMb, locale, defaultPlace, onStartOver }: SellFormProps) {
  // The seller's default place is pre-selected, unless the draft already has one.
  const [draft, dispatch] = useReducer(sellDraftReducer, storageKey, (key) => {
    const saved = loadDraft(key);
    if (!saved) return emptyDraft(defaultPlace);
    return saved.values.place ? saved : { ...saved, values: { ...saved.values, place: defaultPlace } };
  });
  const prefillRequest = useRef<AbortController | null>(null);
  const publishing = useRef(false);
  const formArea = useRef<HTMLDivElement>(null);
  const answerAwaited = useRef(false);

  useEffect(() => {
    if (!publishing.current) saveDraft(storageKey, draft);
  }, [storageKey, draft]);

  const startPrefill = useCallback((imageIds: string[]) => {
    prefillRequest.current?.abort();
    const controller = new AbortController();
    prefillRequest.current = controller;
    dispatch({ type: "prefill-started" });
    void requestPrefill(imageIds, controller.signal, (line) => {
      if (!controller.signal.aborted) dispatch({ type: "prefill-line", line });
    });
  }, []);

  // The first uploaded photo starts the suggestion (after a reload mid-way, it starts again).
  // The server reads the first few of the ids it is given.
  const prefillDue = draft.prefill.status === "idle" && draft.photos.length > 0;
  const startPrefillWithPhotos = useEffectEvent(() => startPrefill(draft.photos.map((photo) => photo.id)));
  useEffect(() => {
    if (prefillDue) startPrefillWithPhotos();
  }, [prefillDue]);

  useEffect(() => () => prefillRequest.current?.abort(), []);

  // On a phone the fields are below the photos, out of sight: when the answer arrives, bring the
  // first filled one into view (instantly for anyone who asked for reduced motion). Only for an
  // answer this page waited for, not for a draft restored after a reload.
  const status = draft.prefill.status;
  useEffect(() => {
    if (status === "reading") answerAwaited.current = true;
    if (status !== "done" || !answerAwaited.current) return;
    answerAwaited.current = false;
    if (!window.matchMedia("(max-width: 639px)").matches) return;
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const firstFilled = formArea.current?.querySelector<HTMLElement>('[data-mark="suggested"], [data-mark="check"]');
    firstFilled?.scrollIntoView({ behavior: reduceMotion ? "instant" : "smooth", block: "center" });
  }, [status]);

  const setPhotos = useCallback((change: React.SetStateAction<UploadedPhoto[]>) => dispatch({ type: "photos", change }), []);

  async function publish(submission: ListingSubmission): Promise<ActionResult> {
    const prefill = draft.prefill;
    const fromSuggestion = prefill.status === "done" ? { callId: prefill.callId, details: draft.details } : undefined;
    // Cleared first: on success the action redirects and this page is gone.
    publishing.current = true;
    clearDraft(storageKey);
    try {
      const result = await createListing({ ...submission, fromSuggestion });
      if (result && !result.ok) restoreDraft();
      return result;
    } catch (error) {
      // The redirect to the published listing arrives as a rejection: the draft stays cleared.
      unstable_rethrow(error);
      restoreDraft();
      throw error;
    }
  }

  function restoreDraft() {
    publishing.current = false;
    saveDraft(storageKey, draft);
  }

  const marks = fieldMarks(draft);
  const reasons = fieldExplanations(draft);
  const prefill = draft.prefill;
  const hasWork = draft.photos.length > 0 || Object.entries(draft.values).some(([field, value]) => field !== "place" && value) || prefill.status !== "idle";

  return (
    <div ref={formArea} className="flex flex-col gap-4">
      {hasWork && <StartOver onConfirm={onStartOver} />}
      <ListingForm
        action={publish}
        submitLabel="Publish listing"
        pendingLabel="Publishing…"
        maxUploadMb={maxUploadMb}
        controlled={{
          values: draft.values,
          onValueChange: (field, value) => dispatch({ type: "edit", field, value }),
          photos: draft.photos,
          onPhotosChange: setPhotos,
        }}
        marks={marks}
        reasons={reasons}
        afterPhotos={<PrefillStatus prefill={prefill} hasPhotos={draft.photos.length > 0} />}
        beforePrice={
          prefill.status === "reading" || prefill.status === "done" ? (
            <SuggestionDetailsFields
              details={draft.details}
              marks={marks}
              reasons={reasons}
              title={draft.values.title}
              description={draft.values.description}
              onChange={(field, value) => dispatch({ type: "edit", field, value })}
            />
          ) : null
        }
        afterPrice={
          prefill.status === "done" && prefill.comparable && draft.values.category === prefill.suggestion.category ? (
            <ComparablePrices comparable={prefill.comparable} locale={locale} />
          ) : null
        }
        // Asked after the fields, where the seller has judged them, and not while they still read it.
        beforeSubmit={
          prefill.status === "done" ? (
            <SuggestionFeedback callId={prefill.callId} feedback={draft.feedback} onChange={(feedback) => dispatch({ type: "feedback", feedback })} />
          ) : null
        }
      />
    </div>
  );
}
