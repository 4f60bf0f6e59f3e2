import { z } from "zod";
import { CATEGORIES } from "@/lib/listings/options";
import { priceSchema } from "@/lib/listings/listing-schema";

// What a reviewer records for one queued call, the queue's rules and a promotion into a dataset.
// The console's forms post these fields and its actions parse them with these schemas.

/** The suggestion's fields a reviewer judges, in the order the form (and its shortcuts) walks them. */
export const VERDICT_FIELDS = ["title", "description", "category", "condition", "price"] as const;
export type VerdictField = (typeof VERDICT_FIELDS)[number];

export const VERDICTS = ["right", "wrong", "unsure"] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<Verdict, string> = { right: "Right", wrong: "Wrong", unsure: "Can't tell" };
export const VERDICT_FIELD_LABELS: Record<VerdictField, string> = {
  title: "Title",
  description: "Description",
  category: "Category",
  condition: "Condition",
  price: "Price",
};

/** The form field that carries a verdict, e.g. verdict-title. */
export function verdictInputName(field: VerdictField): `verdict-${VerdictField}` {
  return `verdict-${field}`;
}

const verdictSchema = z.enum(VERDICTS, "Pick right, wrong or can't tell.").optional();

export const reviewLabelSchema = z
  .object({
    itemId: z.uuid("This review item no longer exists."),
    category: z.enum(CATEGORIES, "Choose the category a buyer would browse to find it."),
    title: z.string().trim().min(3, "Write a short title (at least 3 characters).").max(80, "Keep the title under 80 characters."),
    priceMin: priceSchema,
    priceMax: priceSchema,
    comment: z.string().trim().max(1000, "Keep the comment under 1,000 characters.").default(""),
    "verdict-title": verdictSchema,
    "verdict-description": verdictSchema,
    "verdict-category": verdictSchema,
    "verdict-condition": verdictSchema,
    "verdict-price": verdictSchema,
  })
  .refine((label) => label.priceMax > 0, { path: ["priceMax"], message: "The top of the range must be above €0." })
  .refine((label) => label.priceMin <= label.priceMax, { path: ["priceMax"], message: "The top of the range must not be below its bottom." });

export type ReviewLabelInput = z.output<typeof reviewLabelSchema>;
export type Verdicts = Partial<Record<VerdictField, Verdict>>;

export function verdictsOf(label: ReviewLabelInput): Verdicts {
  const verdicts: Verdicts = {};
  for (const field of VERDICT_FIELDS) {
    const verdict = label[verdictInputName(field)];
    if (verdict) verdicts[field] = verdict;
  }
  return verdicts;
}

/** A call that answered needs a verdict on every field; one that failed has nothing to judge. */
export function missingVerdicts(verdicts: Verdicts, hasSuggestion: boolean): Record<string, string[]> {
  if (!hasSuggestion) return {};
  return Object.fromEntries(
    VERDICT_FIELDS.filter((field) => !verdicts[field]).map((field) => [verdictInputName(field), [`Say whether the suggested ${field} is right.`]]),
  );
}

const share = (label: string) =>
  z.coerce
    .number(`Enter the ${label} as a percentage.`)
    .min(0, `The ${label} can't be below 0 %.`)
    .max(100, `The ${label} can't be above 100 %.`)
    .transform((percent) => percent / 100);
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");

export const queueRulesSchema = z.object({
  sampleShare: share("sample share"),
  thumbsDown: checkbox,
  // Empty: publishes are not queued for being edited.
  heavyEditDistance: z
    .string()
    .trim()
    .transform((value, context) => {
      if (value === "") return null;
      const number = Number(value);
      if (!Number.isFinite(number) || number <= 0 || number > 1) {
        context.addIssue({ code: "custom", message: "Enter a distance above 0 and at most 1 (0.5: half the text changed), or leave it empty." });
        return z.NEVER;
      }
      return number;
    }),
  lowConfidence: checkbox,
  errors: checkbox,
  secondReviewShare: share("second-review share"),
  includeSynthetic: checkbox,
});
export type QueueRulesInput = z.output<typeof queueRulesSchema>;

// A dataset name is also typed on the command line (`--dataset name@version`): no "@", no spaces.
export const DATASET_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

/** The dataset a case goes into: an existing one, or a new name. */
export const datasetNameField = z
  .string()
  .trim()
  .min(1, "Name the dataset (an existing one, or a new name).")
  .regex(DATASET_NAME_PATTERN, "Use letters, digits, dots, dashes or underscores (no spaces or @), up to 63 characters.");

/** A case's expected keywords, typed comma-separated: lower-cased, each once, one to six. */
export const caseKeywordsField = z
  .string()
  .transform((text) => [...new Set(text.split(",").map((word) => word.trim().toLowerCase()).filter(Boolean))])
  .pipe(
    z
      .array(z.string().max(40, "Keep each keyword under 40 characters."))
      .min(1, "Give at least one keyword a good title would contain, comma-separated.")
      .max(6, "Give at most 6 keywords."),
  );

export const promoteLabelSchema = z.object({
  labelId: z.uuid("Choose the label to promote."),
  dataset: datasetNameField,
  keywords: caseKeywordsField,
});
export type PromoteLabelInput = z.output<typeof promoteLabelSchema>;

const STOP_WORDS = new Set(["and", "the", "with", "for", "from", "set", "pair", "used", "new", "old", "size", "small", "large", "big"]);

/** Keywords offered for a case: the title's distinctive words (a good title contains at least one). */
export function suggestKeywords(title: string): string[] {
  const words = title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/.test(word));
  return [...new Set(words)].slice(0, 4);
}
