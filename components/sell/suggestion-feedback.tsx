"use client";

import { useId, useState, useTransition } from "react";
import { rateSuggestion } from "@/app/(market)/sell/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { SuggestionFeedback as Feedback } from "@/lib/sell/sell-draft";

type SuggestionFeedbackProps = { callId: string; feedback: Feedback | null; onChange: (feedback: Feedback) => void };

/** Thumbs up or down on the suggestion; thumbs down asks (optionally) what was wrong. */
export function SuggestionFeedback({ callId, feedback, onChange }: SuggestionFeedbackProps) {
  const id = useId();
  const [reason, setReason] = useState(feedback?.reason ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function send(next: Feedback) {
    setError(null);
    onChange({ ...next, saved: false });
    startTransition(async () => {
      try {
        const result = await rateSuggestion({ callId, rating: next.rating, reason: next.reason });
        if (result.ok) onChange({ ...next, saved: true });
        else setError(result.error);
      } catch {
        setError("Your feedback couldn't be sent just now. Try again in a moment.");
      }
    });
  }

  const thumbClass =
    "inline-flex min-h-10 min-w-10 items-center justify-center rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-stone-700 hover:bg-stone-100 aria-pressed:border-brand-600 aria-pressed:bg-brand-50 aria-pressed:text-brand-800";
  const reasonSaved = feedback?.saved && feedback.rating === -1 && feedback.reason !== "";

  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="suggestion-feedback">
      <div role="group" aria-labelledby={`${id}-question`} className="flex flex-wrap items-center gap-2">
        <span id={`${id}-question`} className="text-stone-700">
          Was this suggestion helpful?
        </span>
        <button
          type="button"
          className={thumbClass}
          aria-pressed={feedback?.rating === 1}
          aria-label="Yes, helpful"
          title="Helpful"
          disabled={pending}
          onClick={() => send({ rating: 1, reason: "", saved: false })}
        >
          <ThumbIcon />
        </button>
        <button
          type="button"
          className={thumbClass}
          aria-pressed={feedback?.rating === -1}
          aria-label="No, not helpful"
          title="Not helpful"
          disabled={pending}
          onClick={() => send({ rating: -1, reason: "", saved: false })}
        >
          <ThumbIcon down />
        </button>
      </div>
      {feedback?.rating === -1 && !reasonSaved && (
        // Not a <form>: this sits inside the listing form, and forms cannot nest.
        <div className="flex flex-col gap-2">
          <label htmlFor={`${id}-reason`} className="text-stone-700">
            What was wrong? (optional)
          </label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={500}
            rows={2}
            className={inputClass}
          />
          <div>
            <Button
              type="button"
              variant="secondary"
              className="px-3 py-1.5"
              disabled={pending}
              onClick={() => send({ rating: -1, reason: reason.trim(), saved: false })}
            >
              Send reason
            </Button>
          </div>
        </div>
      )}
      <p aria-live="polite" className="text-stone-600" data-testid="feedback-status">
        {error ? (
          <span className="text-red-700">{error}</span>
        ) : pending ? (
          "Sending…"
        ) : feedback?.saved ? (
          reasonSaved ? "Thanks: your reason was saved." : "Thanks for the feedback."
        ) : null}
      </p>
    </div>
  );
}

/** Drawn rather than an emoji, which not every system has a font for. */
function ThumbIcon({ down = false }: { down?: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className={`size-5 ${down ? "rotate-180" : ""}`}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinejoin="round"
      strokeLinecap="round"
    >
      <path d="M3 10h4v10H3z" />
      <path d="M7 10l4-7c1.5 0 2.5 1.2 2.2 2.7L12.5 9H19a2 2 0 0 1 2 2.3l-1.2 7a2 2 0 0 1-2 1.7H7" />
    </svg>
  );
}
