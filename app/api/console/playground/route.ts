import type { NextRequest } from "next/server";
import { isAdmin } from "@/lib/auth/admin";
import { getCurrentUser } from "@/lib/auth/session";
import { consumePlaygroundAllowance } from "@/lib/playground/playground-limit";
import { encodePlaygroundLine, playgroundRequestSchema, type PlaygroundLine } from "@/lib/playground/playground-lines";
import { runColumns } from "@/lib/playground/run-columns";
import { readJsonWithLimit } from "@/lib/request-body";
import { refuseUnlessSameSiteJson } from "@/lib/request-guard";

export const dynamic = "force-dynamic";

// Three columns of draft text at most, plus the photo ids.
const MAX_BODY_BYTES = 64 * 1024;
const NDJSON_HEADERS = { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" };

/**
 * The console playground's run: every column (prompt × model × temperature) on the chosen
 * photos, streamed as NDJSON (lib/playground/playground-lines.ts) as the answers grow. Admins
 * only; a route handler rather than a server action because the answers stream.
 */
export async function POST(request: NextRequest) {
  // Anyone else gets the console's 404, signed out a 401 so the page can say to sign in again.
  const admin = await getCurrentUser();
  if (!admin) return refused(401, "You're signed out. Sign in again, then run.");
  if (!isAdmin(admin)) return refused(404, "Not found.");
  const guarded = refuseUnlessSameSiteJson(request);
  if (guarded) return refused(guarded.status, "The run could not be sent from this page. Reload it and try again.");
  const body = await readJsonWithLimit(request, MAX_BODY_BYTES);
  if (!body.ok) return refused(413, "The prompts are too long to run (64 KB at most).");
  const parsed = playgroundRequestSchema.safeParse(body.value);
  if (!parsed.success) return refused(400, "Choose a photo and one to three columns, each with a prompt and a model id (provider:model).");
  const limited = await consumePlaygroundAllowance(admin.id, parsed.data.columns.length);
  if (limited) return refused(429, limited);

  const encoder = new TextEncoder();
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: PlaygroundLine) => {
        if (!open || request.signal.aborted) return;
        try {
          controller.enqueue(encoder.encode(encodePlaygroundLine(line)));
        } catch {
          open = false;
        }
      };
      try {
        await runColumns({ imageIds: parsed.data.imageIds, columns: parsed.data.columns, adminId: admin.id, signal: request.signal, send });
      } catch (error) {
        console.error("[playground] unexpected failure:", error);
        send({ type: "refused", message: "The run failed unexpectedly. Try again." });
      }
      send({ type: "end" });
      if (open) controller.close();
    },
    cancel() {
      open = false;
    },
  });
  return new Response(stream, { headers: NDJSON_HEADERS });
}

function refused(status: number, message: string): Response {
  return new Response(encodePlaygroundLine({ type: "refused", message }), { status, headers: NDJSON_HEADERS });
}
