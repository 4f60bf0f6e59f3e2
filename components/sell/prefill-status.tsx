import type { PrefillState, SuggestionFeedback as Feedback } from "@/lib/sell/sell-draft";
import { SuggestionFeedback } from "./suggestion-feedback";

type PrefillStatusProps = {
  prefill: PrefillState;
  hasPhotos: boolean;
  feedback: Feedback | null;
  onFeedbackChange: (feedback: Feedback) => void;
};

/** Between the photos and the fields: what the photo reader is doing, or what it did. */
export function PrefillStatus({ prefill, hasPhotos, feedback, onFeedbackChange }: PrefillStatusProps) {
  return (
    <div className="flex flex-col gap-3">
      {/* Always in the page, so screen readers announce each change of its text. */}
      <div role="status" data-testid="prefill-status" data-state={prefill.status}>
        {prefill.status === "idle" && !hasPhotos && (
          <p className="text-sm text-stone-600">Add a photo first: Trova reads it and fills in the details below for you to check.</p>
        )}
        {prefill.status === "reading" && (
          <p className="flex items-center gap-2 rounded-lg bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">
            <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent motion-reduce:animate-none" />
            Reading your photo… the details fill in below as they arrive.
          </p>
        )}
        {prefill.status === "done" && (
          <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-800">
            {prefill.model.fallbackFrom ? (
              <span data-testid="prefill-fallback">
                {prefill.model.fallbackFrom} couldn&apos;t read your photo this time, so <strong data-testid="prefill-model">{prefill.model.label}</strong>{" "}
                filled in the details
              </span>
            ) : (
              <>
                Filled in from your photo by <strong data-testid="prefill-model">{prefill.model.label}</strong>
              </>
            )}
            {prefill.model.local && <span data-testid="prefill-local"> (read on this server, your photo never left it)</span>}. Check each
            field before you publish; change anything that is not right.
          </p>
        )}
        {prefill.status === "failed" && (
          <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-800" data-testid="prefill-message">
            {prefill.message}
          </p>
        )}
      </div>
      {prefill.status === "done" && <SuggestionFeedback callId={prefill.callId} feedback={feedback} onChange={onFeedbackChange} />}
    </div>
  );
}
