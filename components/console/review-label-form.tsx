"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { reviewNextItem, saveItemLabel } from "@/app/(console)/console/review/actions";
import { submitWithoutReset } from "@/components/console/submit-without-reset";
import { Field, inputClass } from "@/components/ui/field";
import { VERDICT_FIELD_LABELS, VERDICT_FIELDS, VERDICT_LABELS, VERDICTS, verdictInputName, type Verdict, type Verdicts } from "@/lib/annotation/label-schema";
import { CATEGORIES } from "@/lib/listings/options";

/** What a shortcut copies into the labels: the suggestion or what the seller published. */
export type LabelSource = { category: string; title: string; priceEur: number | null };

export type LabelValues = { category: string; title: string; priceMin: string; priceMax: string; comment: string; verdicts: Verdicts };

type ReviewLabelFormProps = {
  itemId: string;
  /** Only an answered call has fields to judge. */
  judgeFields: boolean;
  suggestion: LabelSource | null;
  published: LabelSource | null;
  initial: LabelValues | null;
};

const EMPTY: LabelValues = { category: "", title: "", priceMin: "", priceMax: "", comment: "", verdicts: {} };

// Shortcuts, listed under the form and handled in one place below.
const SHORTCUTS: [string, string][] = [
  ["a", "accept the suggestion: copy its category, title and a price range around its price; mark every field right"],
  ["p", "copy what the seller published (category, title, a range around their price)"],
  ["1 / 2 / 3", "the highlighted field is right / wrong / can't tell (then the next field)"],
  ["j / k", "highlight the next / previous field"],
  ["t / c", "write the title / a comment"],
  ["Esc", "leave a text field, so the keys above work again"],
  ["Ctrl+Enter (⌘+Enter)", "save and take the next item (also inside a text field)"],
  ["s", "skip: leave this item for someone else and take the next"],
];

/** A fair range around a single price: from 30 % below to 30 % above, whole euros. */
function rangeAround(priceEur: number | null): { priceMin: string; priceMax: string } {
  if (priceEur === null) return { priceMin: "", priceMax: "" };
  return { priceMin: String(Math.floor(priceEur * 0.7)), priceMax: String(Math.max(1, Math.ceil(priceEur * 1.3))) };
}

function isTyping(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement && target.matches("input:not([type=radio]):not([type=checkbox]), textarea, select, [contenteditable]");
}

/** The reviewer's labels for one call, with keyboard shortcuts for speed. */
export function ReviewLabelForm({ itemId, judgeFields, suggestion, published, initial }: ReviewLabelFormProps) {
  const [state, action, pending] = useActionState(saveItemLabel, null);
  const [, skip, skipping] = useActionState(reviewNextItem, null);
  const [values, setValues] = useState<LabelValues>(initial ?? EMPTY);
  const [active, setActive] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const skipRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  const update = (patch: Partial<LabelValues>) => setValues((current) => ({ ...current, ...patch }));
  const judge = (field: (typeof VERDICT_FIELDS)[number], verdict: Verdict) => setValues((current) => ({ ...current, verdicts: { ...current.verdicts, [field]: verdict } }));

  // The latest handler, read by one listener registered once.
  const handleKey = useRef<(event: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    handleKey.current = (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
        event.preventDefault();
        formRef.current?.requestSubmit(nextRef.current);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) {
        if (event.key === "Escape") event.target.blur();
        return;
      }
      const copyFrom = (source: LabelSource | null, verdict: Verdict | null) => {
        if (!source) return;
        update({
          category: source.category,
          title: source.title,
          ...rangeAround(source.priceEur),
          ...(verdict && judgeFields ? { verdicts: Object.fromEntries(VERDICT_FIELDS.map((field) => [field, verdict])) } : {}),
        });
      };
      const field = VERDICT_FIELDS[active];
      switch (event.key) {
        case "a":
          copyFrom(suggestion, "right");
          break;
        case "p":
          copyFrom(published, null);
          break;
        case "1":
        case "2":
        case "3":
          if (!judgeFields) return;
          judge(field, VERDICTS[Number(event.key) - 1]);
          setActive((index) => Math.min(index + 1, VERDICT_FIELDS.length - 1));
          break;
        case "j":
          setActive((index) => Math.min(index + 1, VERDICT_FIELDS.length - 1));
          break;
        case "k":
          setActive((index) => Math.max(index - 1, 0));
          break;
        case "t":
          titleRef.current?.focus();
          break;
        case "c":
          commentRef.current?.focus();
          break;
        case "s":
          skipRef.current?.requestSubmit();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handleKey.current(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  return (
    <div className="flex flex-col gap-3">
      <form ref={formRef} onSubmit={(event) => submitWithoutReset(event, action)} className="flex flex-col gap-4" data-testid="review-label-form" aria-label="Your labels">
        <input type="hidden" name="itemId" value={itemId} />
        {judgeFields && (
          <div className="flex flex-col gap-1">
            <p className="text-sm font-medium text-stone-800">Is each suggested field right?</p>
            {VERDICT_FIELDS.map((field, index) => {
              const name = verdictInputName(field);
              return (
                <fieldset
                  key={field}
                  data-active={index === active}
                  className="flex flex-wrap items-center gap-3 rounded-md px-2 py-1 data-[active=true]:bg-amber-50 data-[active=true]:ring-1 data-[active=true]:ring-amber-400"
                  onFocus={() => setActive(index)}
                >
                  <legend className="float-left w-44 text-sm">Suggested {VERDICT_FIELD_LABELS[field].toLowerCase()}</legend>
                  {VERDICTS.map((verdict, verdictIndex) => (
                    <label key={verdict} className="flex items-center gap-1 text-sm">
                      <input type="radio" name={name} value={verdict} checked={values.verdicts[field] === verdict} onChange={() => judge(field, verdict)} />
                      {VERDICT_LABELS[verdict]} <kbd className="text-xs text-stone-400">{verdictIndex + 1}</kbd>
                    </label>
                  ))}
                  {errors?.[name] && (
                    <span role="alert" className="text-sm text-red-700">
                      {errors[name]!.join(" ")}
                    </span>
                  )}
                </fieldset>
              );
            })}
          </div>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Correct category" errors={errors?.category}>
            {(props) => (
              <select {...props} name="category" value={values.category} onChange={(event) => update({ category: event.target.value })} className={inputClass}>
                <option value="">Choose…</option>
                {CATEGORIES.map((category) => (
                  <option key={category}>{category}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Correct title" errors={errors?.title} hint="Short, as a good seller writes it.">
            {(props) => <input {...props} ref={titleRef} name="title" value={values.title} onChange={(event) => update({ title: event.target.value })} maxLength={80} className={inputClass} />}
          </Field>
          <Field label="Fair price from (EUR)" errors={errors?.priceMin}>
            {(props) => <input {...props} name="priceMin" inputMode="decimal" value={values.priceMin} onChange={(event) => update({ priceMin: event.target.value })} className={inputClass} />}
          </Field>
          <Field label="Fair price to (EUR)" errors={errors?.priceMax}>
            {(props) => <input {...props} name="priceMax" inputMode="decimal" value={values.priceMax} onChange={(event) => update({ priceMax: event.target.value })} className={inputClass} />}
          </Field>
        </div>
        <Field label="Comment" errors={errors?.comment}>
          {(props) => <textarea {...props} ref={commentRef} name="comment" rows={2} value={values.comment} onChange={(event) => update({ comment: event.target.value })} className={inputClass} />}
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <button ref={nextRef} type="submit" name="intent" value="next" disabled={pending} className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
            Save and next <kbd className="text-xs text-stone-300">Ctrl+Enter</kbd>
          </button>
          <button type="submit" name="intent" value="stay" disabled={pending} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium disabled:opacity-50">
            Save
          </button>
          {state && (
            <p role="status" data-testid="label-status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
              {state.ok ? (state.created ? "Saved." : "Your label was updated.") : state.error}
            </p>
          )}
        </div>
      </form>
      <form ref={skipRef} action={skip}>
        <input type="hidden" name="skipItemId" value={itemId} />
        <button type="submit" disabled={skipping} className="text-sm text-stone-600 underline disabled:opacity-50">
          Skip: leave it for someone else <kbd className="text-xs text-stone-400">s</kbd>
        </button>
      </form>
      <details open className="text-sm text-stone-600" data-testid="review-shortcuts">
        <summary className="cursor-pointer font-medium text-stone-800">Keyboard shortcuts</summary>
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
          {SHORTCUTS.map(([keys, effect]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border border-stone-300 bg-stone-50 px-1 font-mono text-xs">{keys}</kbd>
              </dt>
              <dd>{effect}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
