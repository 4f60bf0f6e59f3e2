// Route handlers read their bodies through here, so a huge or endless upload costs at most
// `maxBytes` of memory: it is refused from its Content-Length when that says so, and otherwise
// the stream is cut the moment it passes the limit. (Server actions have Next.js's own cap,
// serverActions.bodySizeLimit in next.config.ts.)

export type BodyResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too_large" };

export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The body as JSON (null when it is not JSON), read with the same limit. */
export async function readJsonWithLimit(request: Request, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; reason: "too_large" }> {
  const body = await readBodyWithLimit(request, maxBytes);
  if (!body.ok) return body;
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(body.bytes)) };
  } catch {
    return { ok: true, value: null };
  }
}

/**
 * The same request with its body read into memory (at most `maxBytes`), for handlers that read
 * the body themselves (better-auth); null when the body is too large.
 */
export async function withBoundedBody(request: Request, maxBytes: number): Promise<Request | null> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  const body = await readBodyWithLimit(request, maxBytes);
  if (!body.ok) return null;
  return new Request(request.url, { method: request.method, headers: request.headers, body: body.bytes, signal: request.signal });
}

export function payloadTooLarge(): Response {
  return Response.json({ message: "That request is too large." }, { status: 413 });
}
