import { describe, expect, it } from "vitest";
import { consumeRateLimit, rateLimitMessage } from "./rate-limit";

describe("consumeRateLimit", () => {
  it("allows up to the limit, then refuses with the seconds left in the window", async () => {
    const policy = { limit: 3, windowSeconds: 60 };
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await consumeRateLimit("test:burst", policy));
    expect(verdicts.slice(0, 3).map((verdict) => verdict.ok)).toEqual([true, true, true]);
    const refused = verdicts[3];
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(50);
  });

  it("counts each key separately", async () => {
    const policy = { limit: 1, windowSeconds: 60 };
    expect((await consumeRateLimit("test:a", policy)).ok).toBe(true);
    expect((await consumeRateLimit("test:b", policy)).ok).toBe(true);
    expect((await consumeRateLimit("test:a", policy)).ok).toBe(false);
  });

  it("starts a new window once the old one has passed", async () => {
    const policy = { limit: 1, windowSeconds: 1 };
    expect((await consumeRateLimit("test:window", policy)).ok).toBe(true);
    expect((await consumeRateLimit("test:window", policy)).ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await consumeRateLimit("test:window", policy)).ok).toBe(true);
  });
});

describe("rateLimitMessage", () => {
  it("says when to try again", () => {
    expect(rateLimitMessage(1, "messages")).toBe("Too many messages. Try again in 1 second.");
    expect(rateLimitMessage(42)).toBe("Too many requests. Try again in 42 seconds.");
    // Hour and day windows read in minutes.
    expect(rateLimitMessage(3599, "new accounts")).toBe("Too many new accounts. Try again in 60 minutes.");
    expect(rateLimitMessage(86_000, "uploads")).toBe("Too many uploads. Try again in 24 hours.");
  });

  it("counts amounts, such as bytes, against a limit", async () => {
    const policy = { limit: 1000, windowSeconds: 60 };
    expect(await consumeRateLimit("bytes:test", policy, 600)).toEqual({ ok: true, remaining: 400 });
    expect(await consumeRateLimit("bytes:test", policy, 400)).toEqual({ ok: true, remaining: 0 });
    expect((await consumeRateLimit("bytes:test", policy, 1)).ok).toBe(false);
  });
});
