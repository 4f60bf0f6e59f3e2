import type { NextRequest } from "next/server";
import { z } from "zod";
import { after } from "next/server";
import { analysePhoto } from "@/lib/ai/analyse-photo";
import { PREFILL_FEATURE } from "@/lib/ai/prefill-contract";
import { getCurrentUser } from "@/lib/auth/session";
import { getComparablePrices } from "@/lib/db/queries/comparable-prices";
import { areImagesOwnedBy } from "@/lib/db/queries/images";
import { env } from "@/lib/env";
import { MAX_PHOTOS } from "@/lib/listings/options";
import { insertExposure } from "@/lib/db/queries/rollouts";
import { applyGuardRailsAfterCall, chooseVariant } from "@/lib/rollout/variants";
import { readJsonWithLimit } from "@/lib/request-body";
import { refuseUnlessSameSiteJson } from "@/lib/request-guard";
import { getClientIp } from "@/lib/request-ip";
import { consumePrefillAllowance } from "@/lib/sell/prefill-limit";
import { encodeLine, PREFILL_UNAVAILABLE, type PrefillFailure, type PrefillLine } from "@/lib/sell/prefill-lines";

export const dynamic = "force-dynamic";

const prefillRequestSchema = z.object({ imageIds: z.array(z.uuid()).min(1).max(MAX_PHOTOS) });
// A few photo ids; anything larger is not a request the sell page makes.
const MAX_BODY_BYTES = 4 * 1024;

// Tests choose a scripted model per browser, or the real built-in one (the e2e server's default is
// a mock); outside test set-ups the cookie is ignored.
const MOCK_MODEL_COOKIE = "trova-mock-model";
const TEST_MODEL = /^(mock:[\w-]+|local:vision)$/;

const NDJSON_HEADERS = { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" };

/**
 * Suggests a listing from the seller's uploaded photos, streamed as NDJSON (lib/sell/prefill-lines.ts):
 * partial answers as the model writes, then the suggestion with comparable prices, or why not.
 * A route handler rather than a server action because the answer streams.
 */
export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return failed(401, "signed_out", "You're signed out. Sign in again, then add your photo.");
  const refused = refuseUnlessSameSiteJson(request);
  if (refused) return failed(refused.status, "bad_request", PREFILL_UNAVAILABLE);
  const body = await readJsonWithLimit(request, MAX_BODY_BYTES);
  if (!body.ok) return failed(413, "bad_request", PREFILL_UNAVAILABLE);
  const parsed = prefillRequestSchema.safeParse(body.value);
  if (!parsed.success) return failed(400, "bad_request", PREFILL_UNAVAILABLE);
  const { imageIds } = parsed.data;
  if (!(await areImagesOwnedBy(imageIds, user.id))) return failed(403, "bad_request", PREFILL_UNAVAILABLE);
  const limited = await consumePrefillAllowance(user.id, getClientIp(request.headers));
  if (limited) return failed(429, "rate_limited", limited);

  const mockModel = env.AI_MOCK_MODELS ? request.cookies.get(MOCK_MODEL_COOKIE)?.value : undefined;
  // A running rollout experiment decides the prompt and model (a test's scripted model overrides it).
  const served = mockModel ? ({ kind: "live" } as const) : await chooseVariant(PREFILL_FEATURE, user.id);
  if (served.kind === "holdout") {
    // The holdout measures what selling is like without the AI: the form, with no suggestion.
    after(() =>
      insertExposure({ experimentId: served.experimentId, variantKey: "holdout", userId: user.id, callId: null }).catch((error) =>
        console.error("[rollout] could not record an exposure:", error),
      ),
    );
    return failed(200, "holdout", "Fill in the details below: what it is, its condition and your price.");
  }
  const encoder = new TextEncoder();
  // False once the seller has gone (reload, Start over): the model call is aborted through
  // request.signal and nothing more is written.
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: PrefillLine) => {
        if (!open || request.signal.aborted) return;
        try {
          controller.enqueue(encoder.encode(encodeLine(line)));
        } catch {
          open = false;
        }
      };
      try {
        const result = await analysePhoto({
          imageIds,
          userId: user.id,
          modelId: mockModel && TEST_MODEL.test(mockModel) ? mockModel : served.kind === "variant" ? served.modelId : undefined,
          prompt: served.kind === "variant" ? served.prompt : undefined,
          variantKey: served.kind === "variant" ? served.logKey : undefined,
          temperature: served.kind === "variant" ? served.temperature : undefined,
          signal: request.signal,
          onPartial: (suggestion) => send({ type: "partial", suggestion }),
        });
        if (served.kind === "variant") {
          await insertExposure({ experimentId: served.experimentId, variantKey: served.key, userId: user.id, callId: result.callId }).catch((error) =>
            console.error("[rollout] could not record an exposure:", error),
          );
        }
        if (result.ok) {
          const comparable = await getComparablePrices({ category: result.suggestion.category, title: result.suggestion.title });
          send({ type: "done", callId: result.callId, suggestion: result.suggestion, model: result.model, comparable, notes: result.notes });
        } else {
          send({ type: "failed", reason: result.reason, message: result.message, model: result.model });
        }
        if (served.kind === "variant") {
          await applyGuardRailsAfterCall(PREFILL_FEATURE).catch((error) => console.error("[rollout] could not apply the guard rails:", error));
        }
      } catch (error) {
        console.error("[prefill] unexpected failure:", error);
        send({ type: "failed", reason: "unexpected", message: PREFILL_UNAVAILABLE, model: null });
      }
      if (open) controller.close();
    },
    cancel() {
      open = false;
    },
  });
  return new Response(stream, { headers: NDJSON_HEADERS });
}

function failed(status: number, reason: PrefillFailure, message: string): Response {
  return new Response(encodeLine({ type: "failed", reason, message, model: null }), { status, headers: NDJSON_HEADERS });
}
