import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { getDb } from "@/lib/db/client";
import { listings, user } from "@/lib/db/schema";
import { storeUploadedImage } from "@/lib/images";
import { makeJpeg } from "@/lib/testing/images";
import type { PrefillLine } from "@/lib/sell/prefill-lines";
import { POST } from "./route";

// The scripted mock models, as in the e2e set-up. The photos drawn here get the default fixture answer.
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, env: { ...original.env, AI_MODEL: "mock:fixture", AI_MOCK_MODELS: true, AI_TIMEOUT_MS: 3000 } };
});

const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

let anasPhoto: string;
let bosPhoto: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "ana", name: "Ana", email: "ana@example.com" },
    { id: "bo", name: "Bo", email: "bo@example.com" },
  ]);
  const base = { sellerId: "bo", condition: "good" as const, category: "Home & Garden" as const };
  await db.insert(listings).values([
    { ...base, title: "Glass vase", priceCents: 1_500 },
    { ...base, title: "Ceramic bowl", priceCents: 2_000 },
    { ...base, title: "Blue jug", priceCents: 4_000, status: "sold" },
  ]);
  const stored = await Promise.all(["ana", "bo"].map(async (owner) => storeUploadedImage(await makeJpeg(64, 48), owner)));
  [anasPhoto, bosPhoto] = stored.map((result) => (result.ok ? result.image.id : ""));
});

beforeEach(() => {
  session.user = { id: "ana" };
});

async function prefill(imageIds: unknown, mockModel = "mock:instant", ip = "198.51.100.7") {
  const request = new NextRequest("http://localhost/api/prefill", {
    method: "POST",
    body: JSON.stringify({ imageIds }),
    headers: { "content-type": "application/json", cookie: `trova-mock-model=${mockModel}`, "x-forwarded-for": ip },
  });
  const response = await POST(request);
  const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as PrefillLine);
  return { status: response.status, lines, last: lines.at(-1)! };
}

describe("POST /api/prefill", () => {
  it("streams partial answers, then the suggestion with prices of similar listings", async () => {
    const { status, lines, last } = await prefill([anasPhoto], "mock:fixture");
    expect(status).toBe(200);
    expect(lines.filter((line) => line.type === "partial").length).toBeGreaterThan(1);
    expect(last).toMatchObject({
      type: "done",
      suggestion: DEFAULT_FIXTURE,
      model: { id: "mock:fixture" },
      comparable: { lowCents: 1_500, highCents: 4_000, count: 3 },
    });
  });

  it("passes a scripted failure on as one calm sentence", async () => {
    const { last } = await prefill([anasPhoto], "mock:refusal");
    expect(last).toMatchObject({ type: "failed", reason: "refusal", message: expect.stringMatching(/fill in the details below/) });
  });

  it("refuses signed-out callers, malformed requests and other people's photos", async () => {
    session.user = null;
    expect(await prefill([anasPhoto])).toMatchObject({ status: 401, last: { type: "failed", reason: "signed_out" } });
    session.user = { id: "ana" };
    expect(await prefill(["not-a-uuid"])).toMatchObject({ status: 400, last: { type: "failed" } });
    expect(await prefill([anasPhoto, bosPhoto])).toMatchObject({ status: 403, last: { type: "failed" } });
  });

  it("refuses a body not declared JSON (415) and a request from another site (403)", async () => {
    const send = async (headers: Record<string, string>) =>
      (await POST(new NextRequest("http://localhost/api/prefill", { method: "POST", body: JSON.stringify({ imageIds: [anasPhoto] }), headers }))).status;
    // What a form on another site can post without a CORS preflight.
    expect(await send({ "content-type": "text/plain", origin: "https://evil.example" })).toBe(415);
    expect(await send({ "content-type": "text/plain" })).toBe(415);
    expect(await send({ "content-type": "application/json", origin: "https://evil.example" })).toBe(403);
    expect(await send({ "content-type": "application/json", "sec-fetch-site": "cross-site" })).toBe(403);
  });

  it("limits each seller to 20 suggestions in ten minutes", async () => {
    session.user = { id: "bo" };
    for (let i = 0; i < 20; i++) expect((await prefill([bosPhoto], "mock:instant", "203.0.113.9")).last.type).toBe("done");
    const refused = await prefill([bosPhoto], "mock:instant", "203.0.113.10");
    expect(refused).toMatchObject({ status: 429, last: { type: "failed", reason: "rate_limited" } });
    expect(refused.last.type === "failed" && refused.last.message).toMatch(/try again in \d+ seconds/);
  });
});
