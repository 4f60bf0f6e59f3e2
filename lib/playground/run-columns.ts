import { analysePhoto, type AiSettings } from "@/lib/ai/analyse-photo";
import { resolveModelConfig } from "@/lib/ai/models";
import { PLAYGROUND_FEATURE } from "@/lib/ai/prefill-contract";
import { listPromptVersions, parsePromptRef, type PromptVersion } from "@/lib/ai/prompts";
import { env } from "@/lib/env";
import { draftPrompt } from "./drafts";
import type { PlaygroundColumnRequest, PlaygroundLine } from "./playground-lines";

// Runs each playground column (a prompt × a model × a temperature) on the same photos, at the same
// time, through the very analyse-photo task the sell page uses. Calls are logged under their own
// feature (PLAYGROUND_FEATURE), so Monitoring, rollout guard rails and the review queue, which
// read only live pre-fill calls, never count them.

export type ResolvedColumn = { prompt: PromptVersion; label: string; modelId: string; temperature: number | null };

/** A column's prompt as the task takes it, or why it cannot run. */
export function resolveColumn(column: PlaygroundColumnRequest): { ok: true; column: ResolvedColumn } | { ok: false; message: string } {
  const { modelId, temperature } = column;
  if (column.prompt.kind === "draft") {
    const prompt = draftPrompt(column.prompt.text);
    // A draft left as a published version's text says so: its calls compare like with like.
    const same = listPromptVersions(prompt.id).find((version) => version.hash === prompt.hash);
    const label = `draft ${column.prompt.name?.trim() || "(unsaved)"} (${same ? `same text as ${same.id}@${same.version}` : prompt.hash})`;
    return { ok: true, column: { prompt, label, modelId, temperature } };
  }
  try {
    const prompt = parsePromptRef(column.prompt.ref);
    return { ok: true, column: { prompt, label: `${prompt.id}@${prompt.version}`, modelId, temperature } };
  } catch {
    return { ok: false, message: `There is no prompt version ${column.prompt.ref}.` };
  }
}

export type RunColumnsInput = {
  imageIds: string[];
  columns: PlaygroundColumnRequest[];
  adminId: string;
  signal?: AbortSignal;
  /** Called with every line as it happens: partial answers, then one done or failed per column. */
  send: (line: PlaygroundLine) => void;
};

/** Runs every column; resolves with each column's final line once all have answered. */
export async function runColumns(input: RunColumnsInput, settings: AiSettings = env): Promise<PlaygroundLine[]> {
  // A playground try measures the model it names: no fallback to another one.
  const runSettings: AiSettings = { ...settings, AI_FALLBACK: "none" };
  return Promise.all(
    input.columns.map(async (request, column): Promise<PlaygroundLine> => {
      const finish = (line: PlaygroundLine) => (input.send(line), line);
      const resolved = resolveColumn(request);
      if (!resolved.ok) return finish({ type: "failed", column, callId: null, reason: "bad_column", message: resolved.message, latencyMs: null });
      const { prompt, label, modelId, temperature } = resolved.column;
      const choice = resolveModelConfig(runSettings, modelId);
      if (!choice.ok) return finish({ type: "failed", column, callId: null, reason: "bad_column", message: choice.problem, latencyMs: null });
      const started = performance.now();
      const result = await analysePhoto(
        {
          imageIds: input.imageIds,
          userId: input.adminId,
          // Photos from sellers' calls and from datasets: an admin reads them all.
          imageOwnerId: null,
          modelId,
          prompt,
          temperature: temperature ?? undefined,
          feature: PLAYGROUND_FEATURE,
          signal: input.signal,
          onPartial: (suggestion) => input.send({ type: "partial", column, suggestion }),
        },
        runSettings,
      );
      const latencyMs = Math.round(performance.now() - started);
      if (!result.ok) return finish({ type: "failed", column, callId: result.callId, reason: result.reason, message: result.message, latencyMs });
      return finish({
        type: "done",
        column,
        callId: result.callId,
        suggestion: result.suggestion,
        model: result.model,
        prompt: { label, hash: prompt.hash },
        latencyMs,
        usage: result.usage,
      });
    }),
  );
}
