import { z } from "zod";

// The pre-fill's wire contract: what POST /api/prefill and the sell page agree on. A leaf (zod
// only), so the browser code takes these names without reaching into the server-side task.

/** What the call log files pre-fill calls under. */
export const PREFILL_FEATURE = "listing-prefill";
/** Evaluation runs are filed apart so they stay out of production figures. */
export const EVAL_FEATURE = "listing-prefill-eval";
/** The console playground's tries, filed apart from sellers' calls and from evaluation runs alike. */
export const PLAYGROUND_FEATURE = "playground";

export type PrefillFailureReason = "not_configured" | "photo_not_found" | "timeout" | "provider_error" | "rate_limited" | "busy" | "invalid_output" | "refusal";

/** Which model answered; fallbackFrom names the configured model that failed first, if one did. */
export const modelInfoSchema = z.object({ id: z.string(), label: z.string(), local: z.boolean(), fallbackFrom: z.string().optional() });
export type PrefillModelInfo = z.infer<typeof modelInfoSchema>;
