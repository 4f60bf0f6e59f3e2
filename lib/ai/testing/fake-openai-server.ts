import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// A small local server that plays the OpenAI API (streamed chat completions and responses) for
// the contract test: it records every request as it arrived and answers from a script, so the
// real @ai-sdk/openai provider can be checked on the wire without reaching the internet.

export type RecordedRequest = { path: string; headers: IncomingHttpHeaders; body: Record<string, unknown>; receivedAt: number };

export type FakeReply =
  /** A streamed answer; `refusal` sends the text as the model's refusal instead. */
  | { kind: "answer"; text: string; refusal?: boolean }
  /** An HTTP error with OpenAI's error body. */
  | { kind: "status"; status: number; headers?: Record<string, string> }
  /** Starts streaming, then never sends another byte. */
  | { kind: "hang" }
  /** Streams the answer with a pause before each event (a slow or overloaded model). */
  | { kind: "slow"; text: string; delayMs: number }
  /** Starts streaming, then sends an event that is not JSON. */
  | { kind: "garbage" };

export type FakeOpenAIServer = {
  /** The base URL to give the provider, ending in /v1. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Replies for the next requests, in order; when empty, `defaultReply` answers. */
  replies: FakeReply[];
  defaultReply: FakeReply;
  close(): Promise<void>;
};

export const USAGE = { input: 1234, output: 96 };

export async function startFakeOpenAIServer(defaultReply: FakeReply): Promise<FakeOpenAIServer> {
  const fake: Omit<FakeOpenAIServer, "baseURL" | "close"> = { requests: [], replies: [], defaultReply };
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    fake.requests.push({ path: request.url ?? "", headers: request.headers, body: text ? JSON.parse(text) : {}, receivedAt: performance.now() });
    reply(request.url ?? "", fake.replies.shift() ?? fake.defaultReply, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function reply(path: string, script: FakeReply, response: http.ServerResponse) {
  if (script.kind === "status") {
    response.writeHead(script.status, { "content-type": "application/json", ...script.headers });
    response.end(JSON.stringify({ error: { message: `Fake error ${script.status}`, type: "fake_error", param: null, code: null } }));
    return;
  }
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const events = path.endsWith("/responses") ? responsesEvents(script) : chatEvents(script);
  if (script.kind === "hang") {
    response.write(sse(events[0]));
    return;
  }
  if (script.kind === "garbage") {
    response.write(sse(events[0]));
    response.end('data: {"type": "response.output_text.delta", "delta": \n\n');
    return;
  }
  if (script.kind === "slow") {
    void writeSlowly(response, events, script.delayMs);
    return;
  }
  for (const event of events) response.write(sse(event));
  response.end("data: [DONE]\n\n");
}

async function writeSlowly(response: http.ServerResponse, events: object[], delayMs: number) {
  for (const event of events) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (response.destroyed) return;
    response.write(sse(event));
  }
  response.end("data: [DONE]\n\n");
}

function sse(event: object): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}

// Cuts the answer into a few deltas, as a real model streams it.
function deltas(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / 5));
  return Array.from({ length: Math.ceil(text.length / size) }, (_, index) => text.slice(index * size, (index + 1) * size));
}

function chatEvents(script: FakeReply): object[] {
  const base = { id: "chatcmpl-fake", object: "chat.completion.chunk", created: 1_700_000_000, model: "fake-model" };
  const text = script.kind === "answer" || script.kind === "slow" ? script.text : "";
  const field = script.kind === "answer" && script.refusal ? "refusal" : "content";
  return [
    { ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] },
    ...deltas(text).map((delta) => ({ ...base, choices: [{ index: 0, delta: { [field]: delta }, finish_reason: null }] })),
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] },
    { ...base, choices: [], usage: { prompt_tokens: USAGE.input, completion_tokens: USAGE.output, total_tokens: USAGE.input + USAGE.output } },
  ];
}

function responsesEvents(script: FakeReply): object[] {
  const text = script.kind === "answer" || script.kind === "slow" ? script.text : "";
  const refusal = script.kind === "answer" && script.refusal;
  const message = { type: "message", id: "msg_fake", status: "in_progress", role: "assistant", content: [] };
  const usage = { input_tokens: USAGE.input, input_tokens_details: { cached_tokens: 0 }, output_tokens: USAGE.output, output_tokens_details: { reasoning_tokens: 0 } };
  return [
    { type: "response.created", sequence_number: 0, response: { id: "resp_fake", object: "response", created_at: 1_700_000_000, model: "fake-model", status: "in_progress" } },
    { type: "response.output_item.added", sequence_number: 1, output_index: 0, item: message },
    ...deltas(text).map((delta, index) =>
      refusal
        ? { type: "response.refusal.delta", sequence_number: 2 + index, item_id: "msg_fake", output_index: 0, content_index: 0, delta }
        : { type: "response.output_text.delta", sequence_number: 2 + index, item_id: "msg_fake", output_index: 0, content_index: 0, delta, logprobs: [] },
    ),
    { type: "response.output_item.done", sequence_number: 90, output_index: 0, item: { ...message, status: "completed" } },
    { type: "response.completed", sequence_number: 91, response: { id: "resp_fake", object: "response", created_at: 1_700_000_000, model: "fake-model", status: "completed", usage } },
  ];
}
