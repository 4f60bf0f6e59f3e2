import type { DeepPartial } from "ai";
import type { SetStateAction } from "react";
import { z } from "zod";
import { fieldsToCheck, listingSuggestionSchema, type ListingSuggestion } from "@/lib/ai/output-schema";
import { readerNotesSchema } from "@/lib/ai/reader-notes";
import { centsToPriceInput, type ListingFormValues } from "@/lib/listings/listing-schema";
import { CATEGORIES, CONDITIONS } from "@/lib/listings/options";
import { modelInfoSchema } from "@/lib/ai/prefill-contract";
import { fieldReasons, recognisedNothing, type ExplainedField } from "./field-reasons";
import { comparablePricesSchema, type PrefillLine } from "./prefill-lines";

// Everything the seller has done on /sell, kept in localStorage so a reload, a lost connection
// or a closed tab loses nothing: values, uploaded photos, the suggestion and its feedback.

export const DETAIL_FIELDS = ["brand", "colour", "material", "size"] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export type SuggestionDetails = Record<DetailField, string>;

const FORM_FIELDS = ["title", "description", "category", "condition", "price", "place"] as const satisfies readonly (keyof ListingFormValues)[];
export type SuggestibleField = (typeof FORM_FIELDS)[number] | DetailField;
const SUGGESTIBLE_FIELDS = [...FORM_FIELDS, ...DETAIL_FIELDS] as const;

const text = (max: number) => z.string().max(max);

const draftSchema = z.object({
  values: z.object({
    title: text(500),
    description: text(10_000),
    category: z.enum([...CATEGORIES, ""]),
    condition: z.enum([...CONDITIONS, ""]),
    price: text(50),
    // Drafts saved before places existed have none.
    place: text(100).default(""),
  }),
  details: z.object({ brand: text(60), colour: text(40), material: text(40), size: text(40) }),
  photos: z.array(z.object({ id: z.uuid(), thumbUrl: z.string().regex(/^\/api\/images\/[\w.-]+$/) })).max(20),
  // Fields showing a value the model proposed and the seller has not changed yet.
  suggested: z.array(z.enum(SUGGESTIBLE_FIELDS)),
  // Fields the seller has edited: a suggestion never overwrites them.
  touched: z.array(z.enum(SUGGESTIBLE_FIELDS)),
  prefill: z.discriminatedUnion("status", [
    z.object({ status: z.literal("idle") }),
    z.object({ status: z.literal("reading") }),
    z.object({
      status: z.literal("done"),
      callId: z.uuid(),
      suggestion: listingSuggestionSchema,
      model: modelInfoSchema,
      comparable: comparablePricesSchema.nullable(),
      notes: readerNotesSchema.nullable().optional(),
    }),
    z.object({ status: z.literal("failed"), message: z.string(), modelLabel: z.string().nullable() }),
  ]),
  feedback: z.object({ rating: z.union([z.literal(1), z.literal(-1)]), reason: text(500), saved: z.boolean() }).nullable(),
});

export type SellDraft = z.infer<typeof draftSchema>;
export type PrefillState = SellDraft["prefill"];
export type SuggestionFeedback = NonNullable<SellDraft["feedback"]>;
type UploadedPhoto = SellDraft["photos"][number];

/** A fresh draft; `place` is the seller's default place, pre-selected. */
export function emptyDraft(place = ""): SellDraft {
  return {
    values: { title: "", description: "", category: "", condition: "", price: "", place },
    details: { brand: "", colour: "", material: "", size: "" },
    photos: [],
    suggested: [],
    touched: [],
    prefill: { status: "idle" },
    feedback: null,
  };
}

export type SellDraftAction =
  | { type: "edit"; field: SuggestibleField; value: string }
  | { type: "photos"; change: SetStateAction<UploadedPhoto[]> }
  | { type: "prefill-started" }
  | { type: "prefill-line"; line: PrefillLine }
  | { type: "feedback"; feedback: SuggestionFeedback };

export function sellDraftReducer(draft: SellDraft, action: SellDraftAction): SellDraft {
  switch (action.type) {
    case "edit":
      return {
        ...withValue(draft, action.field, action.value),
        suggested: draft.suggested.filter((field) => field !== action.field),
        touched: draft.touched.includes(action.field) ? draft.touched : [...draft.touched, action.field],
      };
    case "photos":
      return { ...draft, photos: typeof action.change === "function" ? action.change(draft.photos) : action.change };
    case "prefill-started":
      return { ...draft, prefill: { status: "reading" }, feedback: null };
    case "prefill-line":
      // A late line from an abandoned request changes nothing.
      return draft.prefill.status === "reading" ? applyLine(draft, action.line) : draft;
    case "feedback":
      return { ...draft, feedback: action.feedback };
  }
}

function applyLine(draft: SellDraft, line: PrefillLine): SellDraft {
  if (line.type === "partial") return fillUntouched(draft, suggestedValues(line.suggestion));
  if (line.type === "done") {
    const { callId, suggestion, model, comparable, notes } = line;
    return { ...fillUntouched(draft, suggestedValues(suggestion, "")), prefill: { status: "done", callId, suggestion, model, comparable, notes } };
  }
  // The manual form, as it was before the model started: only the seller's own values remain.
  let cleared = draft;
  for (const field of draft.suggested) cleared = withValue(cleared, field, "");
  return { ...cleared, suggested: [], prefill: { status: "failed", message: line.message, modelLabel: line.model?.label ?? null } };
}

/** Form values from a (possibly partial) suggestion; `missing` stands in for what the model left out. */
export function suggestedValues(suggestion: DeepPartial<ListingSuggestion>, missing?: string): Partial<Record<SuggestibleField, string>> {
  const textOr = (value: unknown) => (typeof value === "string" ? value.trim() : missing);
  const oneOf = <T extends string>(options: readonly T[], value: unknown) => (options.includes(value as T) ? (value as T) : missing);
  const price = suggestion.priceEur;
  const values: Partial<Record<SuggestibleField, string>> = {
    title: textOr(suggestion.title),
    description: textOr(suggestion.description),
    // A category the model marks low is a question, not an answer: the seller picks it (the field asks to be checked).
    category: suggestion.confidence?.category === "low" ? missing : oneOf(CATEGORIES, suggestion.category),
    condition: oneOf(CONDITIONS, suggestion.condition),
    price: typeof price === "number" && Number.isFinite(price) && price >= 0 ? centsToPriceInput(Math.round(price * 100)) : missing,
    brand: textOr(suggestion.brand),
    colour: textOr(suggestion.attributes?.colour),
    material: textOr(suggestion.attributes?.material),
    size: textOr(suggestion.attributes?.size),
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

function fillUntouched(draft: SellDraft, values: Partial<Record<SuggestibleField, string>>): SellDraft {
  let next = draft;
  const suggested = new Set(draft.suggested);
  for (const [field, value] of Object.entries(values) as [SuggestibleField, string][]) {
    if (draft.touched.includes(field)) continue;
    next = withValue(next, field, value);
    if (value) suggested.add(field);
    else suggested.delete(field);
  }
  return { ...next, suggested: SUGGESTIBLE_FIELDS.filter((field) => suggested.has(field)) };
}

function withValue(draft: SellDraft, field: SuggestibleField, value: string): SellDraft {
  if ((DETAIL_FIELDS as readonly string[]).includes(field)) return { ...draft, details: { ...draft.details, [field]: value } };
  return { ...draft, values: { ...draft.values, [field]: value } };
}

/**
 * "Suggested" on each untouched suggested field; "Please check" where the model said it was unsure,
 * unless it recognised nothing at all: then there is nothing to check and the form stays plain.
 */
export function fieldMarks(draft: SellDraft): Partial<Record<SuggestibleField, "suggested" | "check">> {
  const marks: Partial<Record<SuggestibleField, "suggested" | "check">> = {};
  for (const field of draft.suggested) marks[field] = "suggested";
  if (draft.prefill.status === "done" && !recognisedNothing(draft.prefill)) {
    for (const field of fieldsToCheck(draft.prefill.suggestion)) {
      if (!draft.touched.includes(field)) marks[field] = "check";
    }
  }
  return marks;
}

/** Why each field the seller has not touched is empty or asks to be checked. */
export function fieldExplanations(draft: SellDraft): Partial<Record<ExplainedField, string>> {
  if (draft.prefill.status !== "done") return {};
  const marks = fieldMarks(draft);
  const reasons = fieldReasons(draft.prefill);
  const values: Record<SuggestibleField, string> = { ...draft.values, ...draft.details };
  return Object.fromEntries(
    (Object.entries(reasons) as [ExplainedField, string][]).filter(
      ([field]) => !draft.touched.includes(field) && (marks[field] === "check" || values[field].trim() === ""),
    ),
  );
}

export function draftStorageKey(userId: string): string {
  return `trova:sell-draft:${userId}`;
}

/** The saved draft, or null. A request cut off by the reload is asked again (status back to idle). */
export function loadDraft(key: string): SellDraft | null {
  let stored: unknown;
  try {
    stored = JSON.parse(window.localStorage.getItem(key) ?? "null");
  } catch {
    return null;
  }
  const parsed = draftSchema.safeParse(stored);
  if (!parsed.success) return null;
  return parsed.data.prefill.status === "reading" ? { ...parsed.data, prefill: { status: "idle" } } : parsed.data;
}

export function saveDraft(key: string, draft: SellDraft): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the form still works, only the safety net is gone.
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // As above: nothing was stored.
  }
}
