import crypto from "node:crypto";
import { APIError } from "better-auth/api";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as prefill } from "@/app/api/prefill/route";
import { sendMessage } from "@/app/(market)/messages/actions";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { conversations, images, listings, messages, user } from "@/lib/db/schema";
import { consumeRateLimit, RATE_LIMITS } from "./rate-limit";

// Limits hold when the requests arrive all at once (on PostgreSQL, truly concurrently: the
// counter is one atomic upsert), and every refusal says when to try again.

const caller = vi.hoisted(() => ({ id: "buyer-0", ip: "198.51.100.60" }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => ({ id: caller.id }) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": caller.ip }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (read: unknown) => read }));
// Notifications of a new message run after the response; here there is no response.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: vi.fn() }));

const TRY_AGAIN = /Try again in (\d+) seconds?\./i;

function secondsToWait(message: string): number {
  return Number(TRY_AGAIN.exec(message)?.[1]);
}

/** Runs `count` calls at once, in the given order of start. */
function burst<T>(count: number, call: (index: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => call(index)));
}

// buyer-4 stays fresh until the per-IP checks, so only the address can be what refuses it.
const BUYERS = Array.from({ length: 5 }, (_, index) => `buyer-${index}`);
const conversationOf = new Map<string, string>();
const photoOf = new Map<string, string>();

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([{ id: "seller", name: "Seller", email: "seller@example.com" }, ...BUYERS.map((id) => ({ id, name: id, email: `${id}@example.com` }))]);
  const [listing] = await db.insert(listings).values({ sellerId: "seller", title: "Sofa", category: "Furniture", condition: "good", priceCents: 10_000 }).returning();
  for (const buyer of BUYERS) {
    const [conversation] = await db.insert(conversations).values({ listingId: listing.id, buyerId: buyer, sellerId: "seller" }).returning();
    conversationOf.set(buyer, conversation.id);
    const [photo] = await db
      .insert(images)
      .values({ ownerId: buyer, storageKey: crypto.randomUUID(), width: 10, height: 10, bytes: 10, sha256: "x", originalType: "image/png" })
      .returning();
    photoOf.set(buyer, photo.id);
  }
});

describe("the counter under a burst", () => {
  it("lets exactly the limit through when 50 requests arrive together", async () => {
    const policy = { limit: 10, windowSeconds: 120 };
    const verdicts = await burst(50, () => consumeRateLimit("burst:counter", policy));
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(10);
    for (const verdict of verdicts.filter((verdict) => !verdict.ok)) {
      expect(verdict.ok || verdict.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(verdict.ok || verdict.retryAfterSeconds).toBeLessThanOrEqual(120);
    }
  });
});

describe("sign-in under a burst", () => {
  async function attempt(email: string, ip: string): Promise<string> {
    const auth = await getAuth();
    try {
      await auth.api.signInEmail({ body: { email, password: "not the password" }, headers: new Headers({ "x-forwarded-for": ip }) });
      return "signed-in";
    } catch (error) {
      if (error instanceof APIError) return error.status === "TOO_MANY_REQUESTS" ? error.message : String(error.status);
      throw error;
    }
  }

  it("per account and address: 25 guesses at once from one address, 10 are checked, the rest told when to try again", async () => {
    const auth = await getAuth();
    await auth.api.signUpEmail({ body: { name: "Target", email: "target@example.com", password: "the real password" }, headers: new Headers({ "x-forwarded-for": "203.0.113.1" }) });
    const outcomes = await burst(25, () => attempt("target@example.com", "203.0.113.99"));
    expect(outcomes.filter((outcome) => outcome === "UNAUTHORIZED")).toHaveLength(RATE_LIMITS.signIn.limit);
    const refused = outcomes.filter((outcome) => TRY_AGAIN.test(outcome));
    expect(refused).toHaveLength(25 - RATE_LIMITS.signIn.limit);
    for (const message of refused) {
      expect(message).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds?\.$/);
      expect(secondsToWait(message)).toBeLessThanOrEqual(RATE_LIMITS.signIn.windowSeconds);
    }
  });

  it("per account from everywhere: guesses spread over many addresses stop at the slower global limit", async () => {
    const auth = await getAuth();
    await auth.api.signUpEmail({ body: { name: "Target", email: "spread@example.com", password: "the real password" }, headers: new Headers({ "x-forwarded-for": "203.0.113.1" }) });
    // The account has already had 45 guesses today (counted directly: each real attempt costs a
    // password hash); 15 more from 15 addresses let 5 through.
    for (let i = 0; i < RATE_LIMITS.signInPerAccount.limit - 5; i++) await consumeRateLimit("sign-in:account:spread@example.com", RATE_LIMITS.signInPerAccount);
    const outcomes = await burst(15, (index) => attempt("spread@example.com", `203.0.113.${100 + index}`));
    expect(outcomes.filter((outcome) => outcome === "UNAUTHORIZED")).toHaveLength(5);
    const refused = outcomes.filter((outcome) => /^Too many sign-in attempts\. Try again in \d+ minutes\.$/.test(outcome));
    expect(refused).toHaveLength(10);
  });

  it("per IP: one address trying many accounts is stopped after 60", async () => {
    // The address has already tried 55 accounts (counted directly: each real attempt costs a
    // password hash); a burst of 15 more lets 5 through to the password check.
    for (let i = 0; i < RATE_LIMITS.signInPerIp.limit - 5; i++) await consumeRateLimit("sign-in:ip:203.0.113.50", RATE_LIMITS.signInPerIp);
    const outcomes = await burst(15, (index) => attempt(`nobody-${index}@example.com`, "203.0.113.50"));
    expect(outcomes.filter((outcome) => outcome === "UNAUTHORIZED")).toHaveLength(5);
    expect(outcomes.filter((outcome) => TRY_AGAIN.test(outcome))).toHaveLength(10);
  });
});

describe("messages under a burst", () => {
  async function send(buyer: string, ip: string, body: string) {
    caller.id = buyer;
    caller.ip = ip;
    const form = new FormData();
    form.append("conversationId", conversationOf.get(buyer)!);
    form.append("body", body);
    const result = await sendMessage(null, form);
    if (!result) throw new Error("sendMessage answered nothing");
    return result;
  }

  it("per account: 30 at once, 20 are sent and 10 told when to try again", async () => {
    const results = await burst(30, (index) => send("buyer-0", "198.51.100.1", `Message ${index}`));
    expect(results.filter((result) => result.ok)).toHaveLength(RATE_LIMITS.sendMessage.limit);
    const refused = results.filter((result) => !result.ok);
    expect(refused).toHaveLength(30 - RATE_LIMITS.sendMessage.limit);
    for (const result of refused) expect(result.ok ? "" : result.error).toMatch(/^Too many messages\. Try again in \d+ seconds?\.$/);
    const db = await getDb();
    expect(await db.select().from(messages)).toHaveLength(RATE_LIMITS.sendMessage.limit);
  });

  it("per IP: several accounts behind one address share its 60", async () => {
    const results = [];
    // Three other buyers, 20 each (their own limit), all from one address: 60 allowed, then refused.
    for (const buyer of ["buyer-1", "buyer-2", "buyer-3"]) results.push(...(await burst(20, (index) => send(buyer, "198.51.100.200", `Hi ${index}`))));
    results.push(await send("buyer-4", "198.51.100.200", "one more"));
    expect(results.filter((result) => result.ok)).toHaveLength(RATE_LIMITS.sendMessagePerIp.limit);
    expect(results.at(-1)).toMatchObject({ ok: false, error: expect.stringMatching(TRY_AGAIN) });
  });
});

describe("pre-fill under a burst", () => {
  async function ask(buyer: string, ip: string) {
    caller.id = buyer;
    const request = new NextRequest("http://localhost/api/prefill", {
      method: "POST",
      body: JSON.stringify({ imageIds: [photoOf.get(buyer)] }),
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
    });
    const response = await prefill(request);
    const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as { type: string; reason?: string; message?: string });
    return { status: response.status, last: lines.at(-1)! };
  }

  it("per account: 30 at once, 20 go to the model and 10 are told when to try again", async () => {
    const results = await burst(30, (index) => ask("buyer-0", `192.0.2.${index}`));
    expect(results.filter((result) => result.status === 200)).toHaveLength(RATE_LIMITS.prefill.limit);
    const refused = results.filter((result) => result.status === 429);
    expect(refused).toHaveLength(30 - RATE_LIMITS.prefill.limit);
    for (const { last } of refused) {
      expect(last).toMatchObject({ type: "failed", reason: "rate_limited" });
      expect(last.message).toMatch(/Fill in the details below, or try again in \d+ seconds?\./);
    }
  });

  it("per IP: accounts behind one address share its 60", async () => {
    const results = [];
    for (const buyer of ["buyer-1", "buyer-2", "buyer-3"]) results.push(...(await burst(20, () => ask(buyer, "192.0.2.200"))));
    results.push(await ask("buyer-4", "192.0.2.200"));
    expect(results.filter((result) => result.status === 200)).toHaveLength(RATE_LIMITS.prefillPerIp.limit);
    expect(results.at(-1)).toMatchObject({ status: 429, last: { reason: "rate_limited" } });
  });
});
