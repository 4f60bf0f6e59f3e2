import { describe, expect, it } from "vitest";
import { readBodyWithLimit, readJsonWithLimit, withBoundedBody } from "./request-body";

/** A body that never ends: a client streaming without a Content-Length. */
function endlessRequest(onPull: () => void) {
  const chunk = new Uint8Array(64 * 1024);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      controller.enqueue(chunk);
    },
  });
  return new Request("http://localhost/api/x", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readBodyWithLimit", () => {
  it("reads a body within the limit", async () => {
    const request = new Request("http://localhost/api/x", { method: "POST", body: "hello" });
    const body = await readBodyWithLimit(request, 10);
    expect(body.ok && new TextDecoder().decode(body.bytes)).toBe("hello");
  });

  it("refuses from the Content-Length alone, without reading", async () => {
    let pulls = 0;
    const request = endlessRequest(() => (pulls += 1));
    const declared = new Request(request, { headers: { "content-length": String(100 * 1024 * 1024) } });
    expect(await readBodyWithLimit(declared, 1024)).toEqual({ ok: false, reason: "too_large" });
    expect(pulls).toBeLessThanOrEqual(1);
  });

  it("stops reading an endless stream just past the limit", async () => {
    let pulls = 0;
    expect(await readBodyWithLimit(endlessRequest(() => (pulls += 1)), 1024 * 1024)).toEqual({ ok: false, reason: "too_large" });
    // 1 MB in 64 KB chunks is 16 reads, plus the one that crosses the limit and what the stream queued ahead.
    expect(pulls).toBeLessThan(20);
  });
});

describe("readJsonWithLimit and withBoundedBody", () => {
  it("parses JSON and answers null for anything else", async () => {
    const post = (body: string) => new Request("http://localhost/api/x", { method: "POST", body });
    expect(await readJsonWithLimit(post('{"a":1}'), 100)).toEqual({ ok: true, value: { a: 1 } });
    expect(await readJsonWithLimit(post("{not json"), 100)).toEqual({ ok: true, value: null });
    expect(await readJsonWithLimit(post("x".repeat(101)), 100)).toEqual({ ok: false, reason: "too_large" });
  });

  it("gives back a request with the same method, headers and body, or null when too large", async () => {
    const original = new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "a=b" },
      body: '{"email":"a@example.com"}',
    });
    const bounded = await withBoundedBody(original, 1024);
    expect(bounded?.method).toBe("POST");
    expect(bounded?.headers.get("cookie")).toBe("a=b");
    expect(await bounded?.json()).toEqual({ email: "a@example.com" });
    expect(await withBoundedBody(endlessRequest(() => undefined), 1024)).toBeNull();
    const get = new Request("http://localhost/api/auth/get-session");
    expect(await withBoundedBody(get, 1)).toBe(get);
  });
});
