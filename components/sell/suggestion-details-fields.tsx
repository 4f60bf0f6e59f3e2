import { Field, inputClass, type FieldMark } from "@/components/ui/field";
import { DETAIL_FIELDS, type DetailField, type SuggestibleField, type SuggestionDetails } from "@/lib/sell/sell-draft";
import { unmentionedDetails } from "@/lib/sell/suggestion-details";

type SuggestionDetailsFieldsProps = {
  details: SuggestionDetails;
  marks: Partial<Record<SuggestibleField, FieldMark>>;
  reasons: Partial<Record<SuggestibleField, string>>;
  title: string;
  description: string;
  onChange: (field: DetailField, value: string) => void;
};

const LABELS: Record<DetailField, { label: string; max: number }> = {
  brand: { label: "Brand", max: 60 },
  colour: { label: "Colour", max: 40 },
  material: { label: "Material", max: 40 },
  size: { label: "Size", max: 40 },
};

/**
 * Brand and attributes seen in the photo. Kept with the listing's suggestion; the description gets
 * what it lacks. Open when the photo gave at least one of them; otherwise folded away, one click off.
 */
export function SuggestionDetailsFields({ details, marks, reasons, title, description, onChange }: SuggestionDetailsFieldsProps) {
  const added = unmentionedDetails(details, title, description);
  const filled = DETAIL_FIELDS.some((field) => details[field].trim() !== "");
  return (
    <details open={filled || undefined} className="group rounded-xl border border-stone-200 bg-white p-4" data-testid="suggestion-details">
      <summary className="cursor-pointer text-sm font-medium text-stone-800">Details from the photo (optional)</summary>
      <div className="mt-3 flex flex-col gap-3">
        <div className="grid gap-4 sm:grid-cols-2">
          {DETAIL_FIELDS.map((field) => (
            <Field key={field} label={LABELS[field].label} mark={marks[field]} reason={reasons[field]}>
              {(props) => (
                <input
                  {...props}
                  value={details[field]}
                  maxLength={LABELS[field].max}
                  onChange={(event) => onChange(field, event.target.value)}
                  autoComplete="off"
                  className={inputClass}
                />
              )}
            </Field>
          ))}
        </div>
        <p className="text-xs text-stone-500" aria-live="polite">
          {added ? (
            <>
              Added to the end of your description when you publish: <span className="text-stone-700">{added}</span>
            </>
          ) : (
            "Details your title or description already mention are not repeated."
          )}
        </p>
      </div>
    </details>
  );
}
