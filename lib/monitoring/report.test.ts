import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { getDb } from "@/lib/db/client";
import { setAiCallFeedback } from "@/lib/db/queries/ai-calls";
import { aiCalls, user, type NewAiCall } from "@/lib/db/schema";
import { computeImplicitFeedback } from "@/lib/sell/implicit-feedback";
import { latencyBin, latencyOfBin } from "@/lib/db/latency-bins";
import { getMonitoringReport } from "./report";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const now = new Date();
const ago = (ms: number) => new Date(now.getTime() - ms);
const binned = (ms: number) => latencyOfBin(latencyBin(ms));

const kept = computeImplicitFeedback(DEFAULT_FIXTURE, {
  title: DEFAULT_FIXTURE.title,
  description: DEFAULT_FIXTURE.description,
  category: "Home & Garden",
  condition: "good",
  priceCents: 2500,
  details: { brand: "", colour: "blue", material: "ceramic", size: "" },
});
const edited = computeImplicitFeedback(DEFAULT_FIXTURE, {
  title: "Vase",
  description: "",
  category: "Other",
  condition: "good",
  priceCents: 5000,
  details: { brand: "", colour: "", material: "ceramic", size: "" },
});

let callIds: string[] = [];

function call(values: Partial<NewAiCall>): NewAiCall {
  return {
    feature: "listing-prefill",
    userId: "seller",
    provider: "openai",
    modelId: "openai:gpt-4o-mini",
    promptId: "listing-prefill",
    promptVersion: 1,
    status: "ok",
    output: DEFAULT_FIXTURE,
    emptyRequiredFields: 0,
    latencyMs: 1000,
    inputTokens: 100,
    outputTokens: 50,
    costUsd: 0.001,
    createdAt: ago(10 * MINUTE_MS),
    ...values,
  };
}

// Eight live calls ten minutes ago, one evaluation call, and two answered calls two days ago.
beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values({ id: "seller", name: "Ana", email: "ana@example.com" });
  const rows = await db
    .insert(aiCalls)
    .values([
      call({ latencyMs: 1000, feedbackRating: 1, publishedAt: ago(5 * MINUTE_MS), implicitFeedback: kept }),
      call({ latencyMs: 1000, feedbackRating: 1, publishedAt: ago(5 * MINUTE_MS), implicitFeedback: edited }),
      call({ latencyMs: 1000, feedbackRating: -1, feedbackReason: "Too cheap." }),
      call({ latencyMs: 2000, emptyRequiredFields: 2 }),
      call({ latencyMs: 2000 }),
      call({ latencyMs: 9000, firstFieldMs: 3000 }),
      call({ status: "error", latencyMs: 300, output: null, emptyRequiredFields: null, inputTokens: null, outputTokens: null, costUsd: null }),
      call({ status: "invalid", modelId: "openai-compatible:llava", provider: "openai-compatible", latencyMs: 1500, output: null, emptyRequiredFields: null, costUsd: null }),
      call({ feature: "listing-prefill-eval", status: "error", latencyMs: 50_000 }),
      call({ createdAt: ago(2 * DAY_MS) }),
      call({ createdAt: ago(2 * DAY_MS), publishedAt: ago(2 * DAY_MS - 30 * MINUTE_MS), implicitFeedback: kept }),
      // Made up by npm run seed:calls: out of the live figures unless asked for.
      call({ synthetic: true, status: "error", latencyMs: 40_000, modelId: "openai:gpt-4.1-mini" }),
    ])
    .returning({ id: aiCalls.id });
  callIds = rows.map((row) => row.id);
});

describe("the monitoring report", () => {
  it("sums the live calls of the last 24 hours from the hourly roll-ups", async () => {
    const { overall, groups } = await getMonitoringReport({ range: "day", split: "model" }, now);
    expect(overall).toMatchObject({
      calls: 8,
      errorRate: 1 / 8,
      invalidRate: 1 / 8,
      // Six valid answers, four required fields each, two left empty.
      emptyRequiredShare: 2 / 24,
      // Sorted: 300, 1000, 1000, 1000, 1500, 2000, 2000, 9000 → 4th and 8th.
      latencyP50Ms: binned(1000),
      latencyP95Ms: binned(9000),
      firstFieldMeanMs: 3000,
      tokensPerCall: 150,
      costPerCallUsd: 0.001,
      costUnknownCalls: 2,
      published: 2,
      costPerPublishedUsd: 0.003,
      thumbsUpRate: 2 / 3,
      publishRate: 2 / 6,
      // None of these calls is a day old yet.
      abandonedRate: null,
      titleEditDistance: (0 + edited.titleEditDistance) / 2,
      categoryChangeRate: 0.5,
      meanPriceLogError: Math.LN2 / 2,
    });
    expect(overall.keepRate).toMatchObject({ title: 0.5, description: 0.5, condition: 1, colour: 0.5, material: 1 });
    expect(groups.map((group) => [group.key, group.metrics.calls, group.metrics.errorRate])).toEqual([
      ["openai:gpt-4o-mini", 7, 1 / 7],
      ["openai-compatible:llava", 1, 0],
    ]);
  });

  it("leaves synthetic calls out unless asked, from the roll-ups and from the calls alike", async () => {
    for (const range of ["day", "hour"] as const) {
      const live = await getMonitoringReport({ range, split: "model" }, now);
      expect(live.groups.map((group) => group.key)).not.toContain("openai:gpt-4.1-mini");
      const all = await getMonitoringReport({ range, split: "model", synthetic: "include" }, now);
      expect(all.overall.calls).toBe(live.overall.calls + 1);
      expect(all.groups.find((group) => group.key === "openai:gpt-4.1-mini")?.metrics.errorRate).toBe(1);
    }
  });

  it("gives the same figures for the last hour, summed from the calls themselves", async () => {
    const day = await getMonitoringReport({ range: "day", split: "model" }, now);
    const hour = await getMonitoringReport({ range: "hour", split: "model" }, now);
    expect(hour.overall).toEqual(day.overall);
    expect(hour.series).toHaveLength(13);
    expect(hour.series.reduce((sum, point) => sum + point.calls, 0)).toBe(8);
  });

  it("splits by prompt version and puts every call in its bucket", async () => {
    const report = await getMonitoringReport({ range: "day", split: "prompt" }, now);
    expect(report.groups.map((group) => group.key)).toEqual(["listing-prefill@1"]);
    expect(report.series).toHaveLength(25);
    const busy = report.series.filter((point) => point.calls > 0);
    expect(busy).toHaveLength(1);
    expect(busy[0]).toMatchObject({ calls: 8, bySplit: { "listing-prefill@1": 8 }, errorRate: 1 / 8, latencyP95Ms: binned(9000) });
  });

  it("counts answers more than a day old without a listing within the day as abandoned", async () => {
    const { overall } = await getMonitoringReport({ range: "week", split: "model" }, now);
    expect(overall.calls).toBe(10);
    expect(overall.abandonedRate).toBe(0.5);
  });

  it("picks up a change to a call on the next read", async () => {
    expect(await setAiCallFeedback(callIds[3], "seller", -1, "Wrong size.")).toBe(true);
    const { overall } = await getMonitoringReport({ range: "day", split: "model" }, now);
    expect(overall.thumbsUpRate).toBe(2 / 4);
  });
});
