import type { DeepPartial } from "ai";
import { z } from "zod";
import { listingSuggestionSchema, type ListingSuggestion } from "@/lib/ai/output-schema";
import { modelInfoSchema, type PrefillFailureReason, type PrefillModelInfo } from "@/lib/ai/prefill-contract";
import { readerNotesSchema } from "@/lib/ai/reader-notes";
import { readNdjsonLines } from "@/lib/ndjson";

// What POST /api/prefill streams, one JSON object per line (NDJSON): any number of `partial`
// lines as the model's answer grows, then exactly one `done` or `failed`.

export const comparablePricesSchema = z.object({ lowCents: z.number().int(), highCents: z.number().int(), count: z.number().int() });

const doneLineSchema = z.object({
  type: z.literal("done"),
  callId: z.uuid(),
  suggestion: listingSuggestionSchema,
  model: modelInfoSchema,
  comparable: comparablePricesSchema.nullable(),
  // What the model saw and why it left fields, when it says (the built-in reader does).
  notes: readerNotesSchema.nullable().optional(),
});

export type PrefillFailure = PrefillFailureReason | "signed_out" | "bad_request" | "unexpected" | "holdout";

export type PrefillLine =
  | { type: "partial"; suggestion: DeepPartial<ListingSuggestion> }
  | z.infer<typeof doneLineSchema>
  | { type: "failed"; reason: PrefillFailure; message: string; model: PrefillModelInfo | null };

export const PREFILL_UNAVAILABLE = "We couldn't read your photo this time — fill in the details below.";

export function encodeLine(line: PrefillLine): string {
  return `${JSON.stringify(line)}\n`;
}

/** One line as the browser received it; anything malformed is skipped (a final one becomes a failure). */
export function decodeLine(text: string): PrefillLine | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || !("type" in value)) return null;
  if (value.type === "partial" && "suggestion" in value && typeof value.suggestion === "object" && value.suggestion !== null) {
    return { type: "partial", suggestion: value.suggestion };
  }
  if (value.type === "done") {
    const done = doneLineSchema.safeParse(value);
    return done.success ? done.data : null;
  }
  if (value.type === "failed" && "message" in value && typeof value.message === "string") {
    return value as PrefillLine;
  }
  return null;
}

/**
 * Browser side: asks for a suggestion and hands each line to `onLine` as it arrives. Always ends
 * with one `done` or `failed` line, whatever the network does, unless `signal` aborts it.
 */
export async function requestPrefill(imageIds: string[], signal: AbortSignal, onLine: (line: PrefillLine) => void): Promise<void> {
  let finished = false;
  const deliver = (line: PrefillLine) => {
    finished ||= line.type !== "partial";
    onLine(line);
  };
  try {
    const response = await fetch("/api/prefill", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ imageIds }),
      signal,
    });
    if (!response.body) throw new Error(`No response body (${response.status})`);
    await readNdjsonLines(response.body, (text) => {
      const line = decodeLine(text);
      if (line) deliver(line);
    });
  } catch (error) {
    if (signal.aborted) return;
    console.warn("[prefill] request failed:", error);
  }
  if (!finished && !signal.aborted) deliver({ type: "failed", reason: "unexpected", message: PREFILL_UNAVAILABLE, model: null });
}
