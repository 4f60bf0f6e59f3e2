import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { decodeLine, encodeLine, PREFILL_UNAVAILABLE, requestPrefill, type PrefillLine } from "./prefill-lines";

const done: PrefillLine = {
  type: "done",
  callId: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  suggestion: DEFAULT_FIXTURE,
  model: { id: "mock:fixture", label: "Test model", local: true },
  comparable: { lowCents: 1000, highCents: 3000, count: 4 },
};

/** A fetch answering with these text chunks, as a network might split them. */
function fetchAnswering(chunks: string[]) {
  return vi.fn(async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
    return new Response(body, { headers: { "content-type": "application/x-ndjson" } });
  });
}

async function collect(chunks: string[]): Promise<PrefillLine[]> {
  vi.stubGlobal("fetch", fetchAnswering(chunks));
  const lines: PrefillLine[] = [];
  await requestPrefill(["id"], new AbortController().signal, (line) => lines.push(line));
  return lines;
}

afterEach(() => vi.unstubAllGlobals());

describe("decodeLine", () => {
  it("reads the three kinds of line and refuses anything else", () => {
    expect(decodeLine(encodeLine(done))).toEqual(done);
    expect(decodeLine('{"type":"partial","suggestion":{"title":"Blue"}}')).toEqual({ type: "partial", suggestion: { title: "Blue" } });
    expect(decodeLine(JSON.stringify({ ...done, suggestion: { title: "no schema" } }))).toBeNull();
    expect(decodeLine('{"type":"done"')).toBeNull();
  });
});

describe("requestPrefill", () => {
  it("hands over each line as it arrives, whatever the chunk boundaries", async () => {
    const text = encodeLine({ type: "partial", suggestion: { title: "Blue" } }) + encodeLine(done);
    const lines = await collect([text.slice(0, 7), text.slice(7, 60), text.slice(60)]);
    expect(lines.map((line) => line.type)).toEqual(["partial", "done"]);
    expect(lines[1]).toEqual(done);
  });

  it("ends with a calm failure when the stream stops before its last line", async () => {
    const lines = await collect([encodeLine({ type: "partial", suggestion: { title: "Blue" } })]);
    expect(lines.at(-1)).toEqual({ type: "failed", reason: "unexpected", message: PREFILL_UNAVAILABLE, model: null });
  });

  it("passes on the server's failure, and stays silent once aborted", async () => {
    const failed: PrefillLine = { type: "failed", reason: "rate_limited", message: "Try again in 9 seconds.", model: null };
    expect(await collect([encodeLine(failed)])).toEqual([failed]);

    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new DOMException("Aborted", "AbortError"))));
    const controller = new AbortController();
    controller.abort();
    const lines: PrefillLine[] = [];
    await requestPrefill(["id"], controller.signal, (line) => lines.push(line));
    expect(lines).toEqual([]);
  });
});
