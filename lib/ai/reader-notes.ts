import { z } from "zod";

// What a model says about its own answer beyond the answer itself: what it saw, and why a field
// is empty or uncertain. The built-in reader (local:vision) sends these as provider metadata (a
// detector knows exactly what it saw and why it held back); a hosted model's answer carries none,
// and the sell page explains its uncertain fields from the answer alone (lib/sell/field-reasons.ts).
// Not part of the output schema: that is the hosted models' instruction, sent in strict mode.

const noteText = z.string().max(200);
const noteConfidence = z.enum(["high", "medium", "low"]);

export const readerNotesSchema = z.object({
  /** What the photo looks like to the reader, surest first ("a bicycle", high). Empty: nothing recognised. */
  seen: z.array(z.object({ item: z.string().max(60), confidence: noteConfidence })).max(5),
  /** Why a field is left empty or asked to be checked, in plain words, by field. */
  reasons: z
    .object({
      title: noteText,
      category: noteText,
      condition: noteText,
      price: noteText,
      brand: noteText,
      colour: noteText,
    })
    .partial(),
});

export type ReaderNotes = z.infer<typeof readerNotesSchema>;
export type ReasonField = keyof ReaderNotes["reasons"];

/** Where a model puts its notes in the AI SDK's provider metadata. */
export const READER_NOTES_METADATA = { provider: "local", key: "readerNotes" } as const;

/** The notes in a call's provider metadata, when a model sent valid ones. */
export function readerNotesFrom(metadata: Record<string, Record<string, unknown>> | undefined): ReaderNotes | null {
  const parsed = readerNotesSchema.safeParse(metadata?.[READER_NOTES_METADATA.provider]?.[READER_NOTES_METADATA.key]);
  return parsed.success ? parsed.data : null;
}
