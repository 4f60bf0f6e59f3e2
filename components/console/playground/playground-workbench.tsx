"use client";

import { useActionState, useRef, useState } from "react";
import { savePlaygroundDraft } from "@/app/(console)/console/playground/actions";
import { submitWithoutReset } from "@/components/console/submit-without-reset";
import { Field, inputClass } from "@/components/ui/field";
import type { ColumnValues } from "@/lib/playground/compare-columns";
import { MAX_COLUMNS, playgroundColumnSchema, requestPlaygroundRun, type PlaygroundColumnRequest, type PlaygroundLine } from "@/lib/playground/playground-lines";
import { ColumnDiff } from "./column-diff";
import { ColumnResult, type ColumnState } from "./column-results";
import { SaveCaseForm } from "./save-case-form";

export type PromptOption = { ref: string; text: string };
export type DraftOption = { id: string; name: string; text: string; hash: string };

type WorkbenchProps = {
  imageIds: string[];
  sourceCallId: string | null;
  published: ColumnValues | null;
  versions: PromptOption[];
  drafts: DraftOption[];
  liveRef: string;
  models: string[];
  defaultModel: string;
  datasets: string[];
};

// A column's prompt: a published version, the text in the editor (saved or not), or a saved draft.
const EDITOR = "editor";
type ColumnSetup = { prompt: string; modelId: string; temperature: string };
type ColumnErrors = Partial<Record<"prompt" | "modelId" | "temperature", string>>;

/** A column as the route takes it, or what to say beside its fields. */
function checkColumn(request: PlaygroundColumnRequest, temperatureText: string): ColumnErrors {
  const errors: ColumnErrors = {};
  const temperature = Number(temperatureText);
  if (temperatureText.trim() !== "" && (!Number.isFinite(temperature) || temperature < 0 || temperature > 2)) {
    errors.temperature = "Enter a temperature from 0 to 2, or leave it empty for the provider's default.";
  }
  const parsed = playgroundColumnSchema.safeParse(request);
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0];
    if (field === "modelId") errors.modelId = "Use provider:model, e.g. mock:fixture or openai:gpt-4o-mini.";
    if (field === "prompt") errors.prompt = request.prompt.kind === "draft" && !request.prompt.text.trim() ? "The draft editor is empty." : "Choose a prompt (the draft may be too long).";
  }
  return errors;
}

export function PlaygroundWorkbench({ imageIds, sourceCallId, published, versions, drafts, liveRef, models, defaultModel, datasets }: WorkbenchProps) {
  const live = versions.find((version) => version.ref === liveRef) ?? versions.at(-1);
  const [editorName, setEditorName] = useState("");
  const [editorText, setEditorText] = useState(live?.text ?? "");
  const [draftState, saveDraft, savingDraft] = useActionState(savePlaygroundDraft, null);
  const draftErrors = draftState && !draftState.ok ? draftState.fieldErrors : undefined;
  const [setups, setSetups] = useState<ColumnSetup[]>([
    { prompt: `version:${liveRef}`, modelId: defaultModel, temperature: "" },
    { prompt: EDITOR, modelId: defaultModel, temperature: "" },
  ]);
  const [states, setStates] = useState<ColumnState[]>(setups.map(() => ({ status: "idle" })));
  const [runMessage, setRunMessage] = useState<string | null>(null);
  const [columnErrors, setColumnErrors] = useState<ColumnErrors[]>([]);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const updateSetup = (index: number, change: Partial<ColumnSetup>) => setSetups((current) => current.map((setup, at) => (at === index ? { ...setup, ...change } : setup)));
  const addColumn = () => {
    setSetups((current) => [...current, { prompt: `version:${liveRef}`, modelId: defaultModel, temperature: "" }]);
    setStates((current) => [...current, { status: "idle" }]);
  };
  const removeColumn = (index: number) => {
    setSetups((current) => current.filter((_setup, at) => at !== index));
    setStates((current) => current.filter((_state, at) => at !== index));
    setColumnErrors([]);
  };

  const startFrom = (choice: string) => {
    const draft = drafts.find((candidate) => `draft:${candidate.id}` === choice);
    const version = versions.find((candidate) => `version:${candidate.ref}` === choice);
    if (draft) {
      setEditorText(draft.text);
      setEditorName(draft.name);
    } else if (version) {
      setEditorText(version.text);
    }
  };

  function columnRequest(setup: ColumnSetup): PlaygroundColumnRequest {
    const temperature = setup.temperature.trim() === "" ? null : Number(setup.temperature);
    const base = { modelId: setup.modelId.trim(), temperature };
    if (setup.prompt === EDITOR) return { ...base, prompt: { kind: "draft", text: editorText, name: editorName.trim() || undefined } };
    const draft = drafts.find((candidate) => `draft:${candidate.id}` === setup.prompt);
    if (draft) return { ...base, prompt: { kind: "draft", text: draft.text, name: draft.name } };
    return { ...base, prompt: { kind: "version", ref: setup.prompt.replace(/^version:/, "") } };
  }

  async function run() {
    const columns = setups.map(columnRequest);
    const errors = columns.map((column, index) => checkColumn(column, setups[index].temperature));
    setColumnErrors(errors);
    if (errors.some((error) => Object.keys(error).length > 0)) {
      setRunMessage("Please check the highlighted fields.");
      return;
    }
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setRunMessage(null);
    setRunning(true);
    setStates(setups.map(() => ({ status: "running", partial: null })));
    await requestPlaygroundRun({ imageIds, columns }, controller.signal, (line: PlaygroundLine) => {
      if (line.type === "refused") {
        setRunMessage(line.message);
        setStates((current) => current.map((state) => (state.status === "running" ? { status: "idle" } : state)));
      } else if (line.type === "partial") {
        setStates((current) => current.map((state, at) => (at === line.column && state.status === "running" ? { status: "running", partial: line.suggestion } : state)));
      } else if (line.type === "done") {
        setStates((current) => current.map((state, at) => (at === line.column ? { status: "done", line } : state)));
      } else if (line.type === "failed") {
        setStates((current) => current.map((state, at) => (at === line.column ? { status: "failed", line } : state)));
      }
    });
    if (abort.current === controller) setRunning(false);
  }

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="draft-heading" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="draft-heading" className="mb-1 font-semibold">Draft prompt</h2>
        <p className="mb-3 text-sm text-stone-600">
          Edit a prompt here and run it in a column as &ldquo;Draft in the editor&rdquo;. Saved drafts are yours alone, named and hashed; sellers never get one.
        </p>
        <form onSubmit={(event) => submitWithoutReset(event, saveDraft)} className="flex flex-col gap-3" aria-label="Draft prompt" data-testid="draft-form">
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="flex flex-col gap-1 text-sm font-medium text-stone-800">
              Start from
              <select className={inputClass} defaultValue="" onChange={(event) => startFrom(event.target.value)}>
                <option value="" disabled>
                  a version or a saved draft…
                </option>
                {versions.map((version) => (
                  <option key={version.ref} value={`version:${version.ref}`}>
                    {version.ref}
                  </option>
                ))}
                {drafts.map((draft) => (
                  <option key={draft.id} value={`draft:${draft.id}`}>
                    draft {draft.name}
                  </option>
                ))}
              </select>
            </label>
            <Field label="Draft name" errors={draftErrors?.name}>
              {(props) => <input {...props} name="name" value={editorName} onChange={(event) => setEditorName(event.target.value)} className={inputClass} autoComplete="off" />}
            </Field>
          </div>
          <Field label="Draft text" errors={draftErrors?.text}>
            {(props) => <textarea {...props} name="text" rows={10} value={editorText} onChange={(event) => setEditorText(event.target.value)} className={`${inputClass} font-mono text-xs`} />}
          </Field>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" disabled={savingDraft} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium disabled:opacity-50">
              {savingDraft ? "Saving…" : "Save draft"}
            </button>
            {draftState && (
              <p role="status" data-testid="draft-status" className={`text-sm ${draftState.ok ? "text-green-800" : "text-red-700"}`}>
                {draftState.ok ? `Saved draft "${draftState.draft.name}" (text hash ${draftState.draft.hash}).` : draftState.error}
              </p>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="columns-heading" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="columns-heading" className="mb-3 font-semibold">Columns</h2>
        <datalist id="playground-models">
          {models.map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
        <div className="grid gap-4 lg:grid-cols-3">
          {setups.map((setup, index) => (
            <fieldset key={index} className="flex flex-col gap-3 rounded-lg border border-stone-200 p-3" data-testid="playground-column">
              <legend className="px-1 text-sm font-semibold">Column {index + 1}</legend>
              <label className="flex flex-col gap-1 text-sm">
                Prompt
                <select
                  value={setup.prompt}
                  onChange={(event) => updateSetup(index, { prompt: event.target.value })}
                  aria-invalid={Boolean(columnErrors[index]?.prompt)}
                  aria-describedby={columnErrors[index]?.prompt ? `column-${index}-prompt-error` : undefined}
                  className={inputClass}
                >
                  {versions.map((version) => (
                    <option key={version.ref} value={`version:${version.ref}`}>
                      {version.ref}
                      {version.ref === liveRef ? " (live)" : ""}
                    </option>
                  ))}
                  <option value={EDITOR}>Draft in the editor</option>
                  {drafts.map((draft) => (
                    <option key={draft.id} value={`draft:${draft.id}`}>
                      saved draft {draft.name} ({draft.hash})
                    </option>
                  ))}
                </select>
              </label>
              <FieldError id={`column-${index}-prompt-error`} message={columnErrors[index]?.prompt} />
              <label className="flex flex-col gap-1 text-sm">
                Model
                <input
                  value={setup.modelId}
                  onChange={(event) => updateSetup(index, { modelId: event.target.value })}
                  list="playground-models"
                  autoComplete="off"
                  aria-invalid={Boolean(columnErrors[index]?.modelId)}
                  aria-describedby={columnErrors[index]?.modelId ? `column-${index}-model-error` : undefined}
                  className={`${inputClass} font-mono`}
                />
              </label>
              <FieldError id={`column-${index}-model-error`} message={columnErrors[index]?.modelId} />
              <label className="flex flex-col gap-1 text-sm">
                Temperature
                <input
                  value={setup.temperature}
                  onChange={(event) => updateSetup(index, { temperature: event.target.value })}
                  inputMode="decimal"
                  placeholder="provider default"
                  aria-invalid={Boolean(columnErrors[index]?.temperature)}
                  aria-describedby={columnErrors[index]?.temperature ? `column-${index}-temperature-error` : undefined}
                  className={inputClass}
                />
              </label>
              <FieldError id={`column-${index}-temperature-error`} message={columnErrors[index]?.temperature} />
              {setups.length > 1 && (
                <button type="button" onClick={() => removeColumn(index)} className="self-start text-sm underline">
                  Remove column {index + 1}
                </button>
              )}
              <ColumnResult index={index} state={states[index]} />
              {states[index].status === "done" && imageIds[0] && (
                <details className="rounded-lg bg-stone-50 p-2">
                  <summary className="cursor-pointer text-sm font-medium">Save as eval case</summary>
                  <div className="mt-2">
                    <SaveCaseForm column={index} imageId={imageIds[0]} sourceCallId={sourceCallId} suggestion={states[index].line.suggestion} datasets={datasets} />
                  </div>
                </details>
              )}
            </fieldset>
          ))}
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={run}
            disabled={running || imageIds.length === 0}
            className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
          >
            {running ? "Running…" : "Run"}
          </button>
          {setups.length < MAX_COLUMNS && (
            <button type="button" onClick={addColumn} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium">
              Add a column
            </button>
          )}
          {imageIds.length === 0 && <p className="text-sm text-stone-600">Choose a photo above first.</p>}
          {runMessage && (
            <p role="alert" className="text-sm text-red-700" data-testid="run-message">
              {runMessage}
            </p>
          )}
        </div>
      </section>

      {states.some((state) => state.status !== "idle") && (
        <section aria-labelledby="diff-heading" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="diff-heading" className="mb-1 font-semibold">Field by field</h2>
          <p className="mb-3 text-sm text-stone-600">
            Each column as the sell form would be filled from it; rows where the columns disagree are marked.
            {published ? " The last column is what the seller published from the logged call." : ""}
          </p>
          <ColumnDiff states={states} published={published} />
        </section>
      )}
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="-mt-2 text-xs text-red-700">
      {message}
    </p>
  );
}
