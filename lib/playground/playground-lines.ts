import type { DeepPartial } from "ai";
import { z } from "zod";
import type { ListingSuggestion } from "@/lib/ai/output-schema";
import type { PrefillFailureReason, PrefillModelInfo } from "@/lib/ai/prefill-contract";
import { readNdjsonLines } from "@/lib/ndjson";

// The playground's wire contract: what POST /api/console/playground takes and streams back, one
// JSON object per line (NDJSON), shared by the route and the page. Zod only, so the browser code
// takes it without reaching into the server-side runner.

export const MAX_COLUMNS = 3;
export const MAX_PLAYGROUND_PHOTOS = 3;
export const MAX_PROMPT_CHARS = 16_000;

const promptChoiceSchema = z.discriminatedUnion("kind", [
  // A published version, e.g. "listing-prefill@1".
  z.object({ kind: z.literal("version"), ref: z.string().regex(/^[\w-]+@\d{1,4}$/) }),
  // A draft's text as it stands in the editor (saved or not), with its name when it has one.
  z.object({ kind: z.literal("draft"), text: z.string().min(1).max(MAX_PROMPT_CHARS), name: z.string().max(80).optional() }),
]);

export const playgroundColumnSchema = z.object({
  prompt: promptChoiceSchema,
  modelId: z.string().trim().regex(/^[a-z-]+:[\w.:/-]{1,100}$/, "Use provider:model, e.g. mock:fixture."),
  temperature: z.number().min(0).max(2).nullable(),
});
export type PlaygroundColumnRequest = z.infer<typeof playgroundColumnSchema>;

export const playgroundRequestSchema = z.object({
  imageIds: z.array(z.uuid()).min(1).max(MAX_PLAYGROUND_PHOTOS),
  columns: z.array(playgroundColumnSchema).min(1).max(MAX_COLUMNS),
});
export type PlaygroundRequest = z.infer<typeof playgroundRequestSchema>;

export type ColumnUsage = { inputTokens: number | null; outputTokens: number | null; costUsd: number | null };

export type PlaygroundLine =
  | { type: "partial"; column: number; suggestion: DeepPartial<ListingSuggestion> }
  | {
      type: "done";
      column: number;
      callId: string;
      suggestion: ListingSuggestion;
      model: PrefillModelInfo;
      prompt: { label: string; hash: string };
      latencyMs: number;
      usage: ColumnUsage;
    }
  | { type: "failed"; column: number; callId: string | null; reason: PrefillFailureReason | "bad_column"; message: string; latencyMs: number | null }
  // The whole run was refused (signed out, not allowed, rate limited, malformed): no column ran.
  | { type: "refused"; message: string }
  | { type: "end" };

export function encodePlaygroundLine(line: PlaygroundLine): string {
  return `${JSON.stringify(line)}\n`;
}

/** Browser side: posts a run and hands each line to `onLine` as it arrives; always ends with `end` or `refused`. */
export async function requestPlaygroundRun(body: PlaygroundRequest, signal: AbortSignal, onLine: (line: PlaygroundLine) => void): Promise<void> {
  let finished = false;
  const deliver = (text: string) => {
    try {
      const line = JSON.parse(text) as PlaygroundLine;
      finished ||= line.type === "end" || line.type === "refused";
      onLine(line);
    } catch {
      // A broken line is skipped; the run still ends below.
    }
  };
  try {
    const response = await fetch("/api/console/playground", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });
    if (!response.body) throw new Error(`No response body (${response.status})`);
    await readNdjsonLines(response.body, deliver);
  } catch (error) {
    if (signal.aborted) return;
    console.warn("[playground] run failed:", error);
  }
  if (!finished && !signal.aborted) onLine({ type: "refused", message: "The run stopped before every column answered. Try again." });
}
