"use client";

import { useActionState } from "react";
import { changeRolloutShares, promoteRolloutVariant, setRolloutStatus, startRollout } from "@/app/(console)/console/rollouts/actions";
import type { ActionResult } from "@/lib/action-result";

const inputClass = "rounded-md border border-stone-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600";
const buttonClass = "rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50";

function FieldError({ state, name }: { state: ActionResult | null; name: string }) {
  const messages = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  if (!messages?.length) return null;
  return (
    <span id={`${name}-error`} className="text-xs text-red-700">
      {messages.join(" ")}
    </span>
  );
}

function NumberField(props: { state: ActionResult | null; name: string; label: string; defaultValue: string | number; step?: string; suffix?: string }) {
  const invalid = Boolean(props.state && !props.state.ok && props.state.fieldErrors?.[props.name]);
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span>
        {props.label}
        {props.suffix && <span className="text-stone-500"> ({props.suffix})</span>}
      </span>
      <input
        name={props.name}
        inputMode="decimal"
        defaultValue={props.defaultValue}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${props.name}-error` : undefined}
        className={`${inputClass} w-28`}
      />
      <FieldError state={props.state} name={props.name} />
    </label>
  );
}

function FormMessage({ state, success }: { state: ActionResult | null; success?: string }) {
  if (!state) return null;
  return (
    <p role="status" className={`w-full text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
      {state.ok ? success : state.error}
    </p>
  );
}

function PromptSelect(props: { state: ActionResult | null; name: string; label: string; prompts: string[]; optional?: boolean }) {
  const invalid = Boolean(props.state && !props.state.ok && props.state.fieldErrors?.[props.name]);
  return (
    <label className="flex flex-col gap-1 text-sm">
      {props.label}
      <select name={props.name} defaultValue={props.optional ? "" : props.prompts.at(-1)} aria-invalid={invalid} className={inputClass}>
        {props.optional && <option value="">none</option>}
        {props.prompts.map((prompt) => (
          <option key={prompt} value={prompt}>
            {prompt}
          </option>
        ))}
      </select>
      <FieldError state={props.state} name={props.name} />
    </label>
  );
}

function ModelField({ state, name, label }: { state: ActionResult | null; name: string; label: string }) {
  const invalid = Boolean(state && !state.ok && state.fieldErrors?.[name]);
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <input name={name} placeholder="empty: the configured model" aria-invalid={invalid} className={`${inputClass} w-64`} />
      <FieldError state={state} name={name} />
    </label>
  );
}

/** Starts an experiment: control is what is live now; candidate B (and optionally C) get shares of sellers. */
export function StartRolloutForm({ prompts, control }: { prompts: string[]; control: string }) {
  const [state, action, pending] = useActionState(startRollout, null);
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="start-rollout-form">
      <p className="text-sm text-stone-600">Control (A) is what serves sellers now: {control}.</p>
      <label className="flex flex-col gap-1 text-sm">
        Name
        <input name="name" required aria-invalid={Boolean(state && !state.ok && state.fieldErrors?.name)} className={`${inputClass} max-w-md`} />
        <FieldError state={state} name="name" />
      </label>
      <fieldset className="flex flex-wrap items-start gap-3">
        <legend className="mb-1 text-sm font-medium">Candidate B</legend>
        <PromptSelect state={state} name="candidatePrompt" label="Prompt version" prompts={prompts} />
        <ModelField state={state} name="candidateModel" label="Model" />
        <NumberField state={state} name="candidateTemperature" label="Temperature" defaultValue="" suffix="empty: default" />
        <NumberField state={state} name="candidateShare" label="Share of sellers" defaultValue={10} suffix="%" />
      </fieldset>
      <fieldset className="flex flex-wrap items-start gap-3">
        <legend className="mb-1 text-sm font-medium">Candidate C (optional)</legend>
        <PromptSelect state={state} name="secondPrompt" label="Prompt version" prompts={prompts} optional />
        <ModelField state={state} name="secondModel" label="Model" />
        <NumberField state={state} name="secondTemperature" label="Temperature" defaultValue="" suffix="empty: default" />
        <NumberField state={state} name="secondShare" label="Share of sellers" defaultValue={0} suffix="%" />
      </fieldset>
      <fieldset className="flex flex-wrap items-start gap-3">
        <legend className="mb-1 text-sm font-medium">Holdout and guard rails</legend>
        <NumberField state={state} name="holdout" label="Holdout, no pre-fill" defaultValue={0} suffix="%, at most 10" />
        <NumberField state={state} name="maxErrorRate" label="Cut a candidate above error rate" defaultValue={20} suffix="%" />
        <NumberField state={state} name="maxInvalidRate" label="… or invalid answers" defaultValue={20} suffix="%" />
        <NumberField state={state} name="maxP95LatencyMs" label="… or p95 latency" defaultValue={20000} suffix="ms" />
        <NumberField state={state} name="minCalls" label="Judge after" defaultValue={10} suffix="calls" />
      </fieldset>
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Starting…" : "Start experiment"}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Changes traffic shares of a running or paused experiment. */
export function RolloutSharesForm({ experimentId, holdout, candidates }: { experimentId: string; holdout: number; candidates: { key: string; share: number }[] }) {
  const [state, action, pending] = useActionState(changeRolloutShares, null);
  return (
    <form action={action} className="flex flex-wrap items-start gap-3" data-testid="rollout-shares-form">
      <input type="hidden" name="experimentId" value={experimentId} />
      {candidates.map((candidate) => (
        <NumberField key={candidate.key} state={state} name={`share_${candidate.key}`} label={`Candidate ${candidate.key}`} defaultValue={Math.round(candidate.share * 1000) / 10} suffix="%" />
      ))}
      <NumberField state={state} name="holdout" label="Holdout" defaultValue={Math.round(holdout * 1000) / 10} suffix="%" />
      <button type="submit" disabled={pending} className={`${buttonClass} mt-6`}>
        {pending ? "Saving…" : "Change shares"}
      </button>
      <FormMessage state={state} success="Saved: new requests follow these shares." />
    </form>
  );
}

/** One button that posts an experiment's new status (pause, resume, stop). */
export function RolloutStatusButton({ experimentId, status, label, confirmText }: { experimentId: string; status: "running" | "paused" | "stopped"; label: string; confirmText?: string }) {
  const [state, action, pending] = useActionState(setRolloutStatus, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
    >
      <input type="hidden" name="experimentId" value={experimentId} />
      <input type="hidden" name="status" value={status} />
      <button type="submit" disabled={pending} className="rounded-md border border-stone-400 bg-white px-3 py-1.5 text-sm font-medium disabled:opacity-50">
        {label}
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}

/** Makes a variant live for everyone and stops the experiment. */
export function PromoteVariantButton({ experimentId, variantKey }: { experimentId: string; variantKey: string }) {
  const [state, action, pending] = useActionState(promoteRolloutVariant, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Make ${variantKey} live for every seller and stop this experiment?`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="experimentId" value={experimentId} />
      <input type="hidden" name="key" value={variantKey} />
      <button type="submit" disabled={pending} className="rounded-md border border-green-700 bg-white px-2 py-1 text-xs font-medium text-green-800 disabled:opacity-50">
        Promote {variantKey} to live
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
