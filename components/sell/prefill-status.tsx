import { describeSeen, recognisedNothing } from "@/lib/sell/field-reasons";
import type { PrefillState } from "@/lib/sell/sell-draft";

type PrefillStatusProps = { prefill: PrefillState; hasPhotos: boolean };

/** Between the photos and the fields: what the photo reader is doing, or what it did and saw. */
export function PrefillStatus({ prefill, hasPhotos }: PrefillStatusProps) {
  const nothing = prefill.status === "done" && recognisedNothing(prefill);
  const seen = prefill.status === "done" ? describeSeen(prefill.notes) : null;
  return (
    // Always in the page, so screen readers announce each change of its text.
    <div role="status" data-testid="prefill-status" data-state={prefill.status} data-recognised={prefill.status === "done" ? String(!nothing) : undefined}>
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
        <div className={`flex flex-col gap-1 rounded-lg px-3 py-2 text-sm ${nothing ? "bg-stone-100 text-stone-800" : "bg-brand-50 text-brand-800"}`}>
          <p>
            {nothing ? (
              <span data-testid="prefill-nothing">
                <strong data-testid="prefill-model">{prefill.model.label}</strong> couldn&apos;t tell what this is, so nothing was filled in
              </span>
            ) : prefill.model.fallbackFrom ? (
              <span data-testid="prefill-fallback">
                {prefill.model.fallbackFrom} couldn&apos;t read your photo this time, so <strong data-testid="prefill-model">{prefill.model.label}</strong>{" "}
                filled in the details
              </span>
            ) : (
              <>
                Filled in from your photo by <strong data-testid="prefill-model">{prefill.model.label}</strong>
              </>
            )}
            {prefill.model.local && <span data-testid="prefill-local"> (read on this server, your photo never left it)</span>}.{" "}
            {nothing ? "Fill in the details below yourself." : "Check each field before you publish; change anything that is not right."}
          </p>
          {seen !== null && (
            <p className="text-stone-700" data-testid="prefill-seen">
              {seen ? `Looks like: ${seen}.` : "It didn't recognise anything it could name in the photo."}
            </p>
          )}
        </div>
      )}
      {prefill.status === "failed" && (
        <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-800" data-testid="prefill-message">
          {prefill.message}
        </p>
      )}
    </div>
  );
}
