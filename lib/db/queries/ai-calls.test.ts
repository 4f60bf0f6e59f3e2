import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { getDb } from "@/lib/db/client";
import { aiCalls, user, type NewAiCall } from "@/lib/db/schema";
import { callFiltersSchema } from "@/lib/db/call-filters";
import { getAiCallDetail, listAiCalls, listSuggestionFeedback } from "./ai-calls";

const ids: Record<string, string> = {};

function call(name: string, values: Partial<NewAiCall>): NewAiCall & { id: string } {
  ids[name] = crypto.randomUUID();
  return { id: ids[name], feature: "listing-prefill", userId: "ana", provider: "mock", modelId: "mock:fixture", promptId: "listing-prefill", promptVersion: 1, status: "ok", latencyMs: 900, ...values };
}

async function titlesFor(query: Record<string, string>) {
  const { rows, total } = await listAiCalls(callFiltersSchema.parse(query));
  expect(total).toBe(rows.length);
  return rows.map((row) => row.title ?? row.status);
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "ana", name: "Ana", email: "ana@example.com" },
    { id: "bo", name: "Bo", email: "bo@example.com" },
  ]);
  await db.insert(aiCalls).values([
    call("vase", { output: DEFAULT_FIXTURE, feedbackRating: -1, feedbackReason: "Too cheap.", feedbackAt: new Date(Date.now() - 1000), createdAt: new Date("2026-03-02T10:00:00Z") }),
    call("table", { output: { ...DEFAULT_FIXTURE, title: "Oak dining table 100% solid", category: "Furniture" }, userId: "bo", modelId: "openai:gpt-4o-mini", feedbackRating: 1, feedbackAt: new Date(), createdAt: new Date("2026-03-03T10:00:00Z") }),
    call("error", { status: "error", errorClass: "AI_APICallError", createdAt: new Date("2026-03-04T10:00:00Z") }),
    call("eval", { feature: "listing-prefill-eval", output: { ...DEFAULT_FIXTURE, title: "Blue jug" }, createdAt: new Date("2026-03-01T10:00:00Z") }),
    call("synthetic", {
      synthetic: true,
      output: { ...DEFAULT_FIXTURE, title: "Made-up lamp" },
      feedbackRating: -1,
      feedbackReason: "Made up.",
      feedbackAt: new Date(),
      createdAt: new Date("2026-02-01T10:00:00Z"),
    }),
  ]);
});

describe("listAiCalls", () => {
  it("lists every call newest first", async () => {
    expect(await titlesFor({})).toEqual(["error", "Oak dining table 100% solid", "Blue ceramic vase", "Blue jug"]);
  });

  it("filters by status, model, prompt version, category, feedback and feature", async () => {
    expect(await titlesFor({ status: "error" })).toEqual(["error"]);
    expect(await titlesFor({ model: "openai:gpt-4o-mini" })).toEqual(["Oak dining table 100% solid"]);
    expect(await titlesFor({ prompt: "listing-prefill@2" })).toEqual([]);
    expect(await titlesFor({ category: "Home & Garden" })).toEqual(["Blue ceramic vase", "Blue jug"]);
    expect(await titlesFor({ feedback: "down" })).toEqual(["Blue ceramic vase"]);
    expect(await titlesFor({ feedback: "none" })).toEqual(["error", "Blue jug"]);
    expect(await titlesFor({ feature: "listing-prefill-eval" })).toEqual(["Blue jug"]);
  });

  it("filters by day (both ends included), title text and seller email", async () => {
    expect(await titlesFor({ from: "2026-03-02", to: "2026-03-03" })).toEqual(["Oak dining table 100% solid", "Blue ceramic vase"]);
    expect(await titlesFor({ q: "BLUE" })).toEqual(["Blue ceramic vase", "Blue jug"]);
    // LIKE wildcards in the search are plain characters.
    expect(await titlesFor({ q: "100%" })).toEqual(["Oak dining table 100% solid"]);
    expect(await titlesFor({ q: "%" })).toEqual(["Oak dining table 100% solid"]);
    expect(await titlesFor({ user: "BO@example.com" })).toEqual(["Oak dining table 100% solid"]);
  });

  it("hides synthetic calls unless asked for: with the rest, or alone", async () => {
    expect(await titlesFor({ q: "lamp" })).toEqual([]);
    expect(await titlesFor({ synthetic: "include" })).toHaveLength(5);
    expect(await titlesFor({ synthetic: "only" })).toEqual(["Made-up lamp"]);
  });

  it("ignores filter values that do not parse", async () => {
    expect(await titlesFor({ status: "weird", from: "yesterday", category: "Boats" })).toHaveLength(4);
  });
});

describe("getAiCallDetail", () => {
  it("returns the call with its seller, and null for an unknown or malformed id", async () => {
    expect(await getAiCallDetail(ids.vase)).toMatchObject({ call: { id: ids.vase, feedbackReason: "Too cheap." }, userEmail: "ana@example.com", photos: [], listing: null });
    expect(await getAiCallDetail(crypto.randomUUID())).toBeNull();
    expect(await getAiCallDetail("not-a-uuid")).toBeNull();
  });
});

describe("listSuggestionFeedback", () => {
  it("lists thumbs down with their reasons, or thumbs up", async () => {
    expect(await listSuggestionFeedback(-1, 1)).toMatchObject({ total: 1, rows: [{ callId: ids.vase, reason: "Too cheap.", title: "Blue ceramic vase", userEmail: "ana@example.com" }] });
    expect(await listSuggestionFeedback(1, 1)).toMatchObject({ total: 1, rows: [{ callId: ids.table }] });
  });
});

