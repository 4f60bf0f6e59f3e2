import crypto from "node:crypto";
import { createRequire } from "node:module";
import { percentile } from "./http-load";
import { serverActionsIn } from "./server-actions";

// Pre-fills back to back through the real route, as signed-in sellers do: each seller signs up
// through the auth API, uploads a photo through the sell page's server action, then asks
// /api/prefill for suggestions one after another (the next as soon as the last answer ends)
// while the benchmark loads the browse pages. The server's default model is the built-in reader.

export type PrefillLoadResult = {
  /** Pre-fills answered with a suggestion during the load. */
  completed: number;
  /** Answers that were not a suggestion (busy, failed, over the rate limit). */
  refused: number;
  p50Ms: number;
  p95Ms: number;
};

type Seller = { cookie: string; imageId: string; address: string };

/**
 * Signs up a seller and uploads `photo` as theirs; the seller can then ask for pre-fills. Each
 * seller comes from an address of their own (`X-Forwarded-For`, as the proxy in front would
 * write it), so the per-address limits count each seller apart, as they would in real use.
 */
export async function prepareSeller(baseUrl: string, photo: Buffer, address: string): Promise<Seller> {
  const email = `bench-${crypto.randomBytes(6).toString("hex")}@example.com`;
  const signUp = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": address },
    body: JSON.stringify({ name: "Bench Seller", email, password: crypto.randomBytes(12).toString("base64url") }),
  });
  if (!signUp.ok) throw new Error(`Signing up a seller failed: ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const upload = serverActionsIn("app/(market)/sell/").find((action) => action.name === "uploadListingPhoto");
  if (!upload) throw new Error("The build has no uploadListingPhoto action (run next build first).");
  const form = new FormData();
  form.append("photo", new File([new Uint8Array(photo)], "bench.jpg", { type: "image/jpeg" }));
  const answer = await fetch(`${baseUrl}/sell`, {
    method: "POST",
    headers: { "next-action": upload.id, accept: "text/x-component", origin: baseUrl, cookie, "x-forwarded-for": address },
    body: await encodeReply([form]),
  });
  const imageId = /"id":"([0-9a-f-]{36})"/.exec(await answer.text())?.[1];
  if (!answer.ok || !imageId) throw new Error(`Uploading the bench photo failed (${answer.status}).`);
  return { cookie, imageId, address };
}

// A server action's arguments as the browser sends them: React's own encoder, from the copy of
// React that Next.js ships (its field names change between versions, so they are not restated here).
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as { encodeReply: (value: unknown) => Promise<string | FormData> };

/** One pre-fill, read to the end of its stream; resolves with whether a suggestion came. */
export async function prefillOnce(baseUrl: string, seller: Seller): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/prefill`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, cookie: seller.cookie, "x-forwarded-for": seller.address },
    body: JSON.stringify({ imageIds: [seller.imageId] }),
  });
  const text = await response.text();
  return response.ok && !/"type":"failed"/.test(text);
}

/**
 * Runs pre-fills back to back, taking the sellers in turn, until `signal` aborts. A seller whose
 * pre-fill is refused (over their rate limit, or the reader busy) is counted and rested for the
 * rest of the run; with none left, the run ends early rather than loop on refusals.
 */
export async function prefillsBackToBack(baseUrl: string, sellers: Seller[], signal: AbortSignal): Promise<PrefillLoadResult> {
  const latencies: number[] = [];
  const active = [...sellers];
  let refused = 0;
  for (let turn = 0; !signal.aborted && active.length > 0; turn += 1) {
    const seller = active[turn % active.length];
    const startedAt = performance.now();
    const answered = await prefillOnce(baseUrl, seller).catch(() => false);
    if (signal.aborted) break;
    if (answered) {
      latencies.push(performance.now() - startedAt);
    } else {
      refused += 1;
      active.splice(active.indexOf(seller), 1);
    }
  }
  latencies.sort((a, b) => a - b);
  return { completed: latencies.length, refused, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
}
