import { useId } from "react";

/** A value the seller has not confirmed yet: filled in for them, or one they should look at. */
export type FieldMark = "suggested" | "check";

type FieldProps = {
  label: string;
  errors?: string[];
  hint?: string;
  mark?: FieldMark;
  /** Why the field is empty or asks to be checked (a suggestion's own explanation). */
  reason?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; "data-mark"?: FieldMark }) => React.ReactNode;
};

const MARKS: Record<FieldMark, { text: string; className: string }> = {
  suggested: { text: "Suggested", className: "bg-brand-50 text-brand-800 ring-brand-600/30" },
  check: { text: "Please check", className: "bg-amber-50 text-amber-900 ring-amber-500/50" },
};

/** A labelled form field with its hint and error messages wired to the control for screen readers. */
export function Field({ label, errors, hint, mark, reason, children }: FieldProps) {
  const id = useId();
  const describedBy = [mark ? `${id}-mark` : null, reason ? `${id}-reason` : null, hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="text-sm font-medium text-stone-800">
          {label}
        </label>
        {mark && (
          <span id={`${id}-mark`} data-testid={`mark-${mark}`} className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${MARKS[mark].className}`}>
            {MARKS[mark].text}
          </span>
        )}
      </div>
      {children({ id, "aria-invalid": Boolean(errors?.length), "aria-describedby": describedBy || undefined, "data-mark": mark })}
      {reason && (
        <p id={`${id}-reason`} className="text-xs text-amber-900" data-testid="field-reason">
          Why: {reason}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

// data-mark tints a control whose value came from a suggestion; an error's red border wins.
export const inputClass =
  "w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base shadow-sm data-[mark=suggested]:border-brand-600/50 data-[mark=suggested]:bg-brand-50/40 data-[mark=check]:border-amber-500 data-[mark=check]:bg-amber-50 aria-[invalid=true]:border-red-600 disabled:bg-stone-100";
