import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { listDatasets } from "@/lib/db/queries/eval-datasets";
import { getPromptLiveRow } from "@/lib/db/queries/prompt-live";
import { listEvalRuns } from "@/lib/db/queries/eval-runs";
import { DEFAULT_THRESHOLDS, getThresholds } from "@/lib/monitoring/thresholds";
import { getQueueRules } from "@/lib/db/queries/review-queue";
import { reviewItems, reviewLabels } from "@/lib/db/schema";
import { startExperiment } from "./experiments/actions";
import { saveMonitoringThresholds } from "./monitoring/actions";
import { setLivePrompt } from "./prompts/actions";
import { claimItemForReview, promoteItemLabel, reviewNextItem, saveItemLabel, saveQueueRules } from "./review/actions";

const session = vi.hoisted(() => ({ user: null as { id: string; role: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (read: unknown) => read }));
vi.mock("next/server", () => ({ after: vi.fn() }));

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

const CALLERS = [
  ["a signed-out visitor", null],
  ["a seller without the admin role", { id: "seller", role: "user" }],
] as const;

describe("console actions refuse everyone but admins", () => {
  beforeEach(() => {
    session.user = null;
  });

  it.each(CALLERS)("setLivePrompt refuses %s and changes nothing", async (_who, caller) => {
    session.user = caller;
    expect(await setLivePrompt(form({ promptId: "listing-prefill", version: "1", modelId: "mock:error" }))).toEqual({ ok: false, error: "Not found." });
    expect(await getPromptLiveRow("listing-prefill")).toBeNull();
  });

  it.each(CALLERS)("startExperiment refuses %s and starts nothing", async (_who, caller) => {
    session.user = caller;
    const result = await startExperiment(null, form({ dataset: "any", modelId: "mock:fixture", prompt: "listing-prefill@1", trials: "1" }));
    expect(result).toEqual({ ok: false, error: "Not found." });
    expect(await listEvalRuns()).toEqual([]);
  });

  it.each(CALLERS)("saveMonitoringThresholds refuses %s and changes nothing", async (_who, caller) => {
    session.user = caller;
    const result = await saveMonitoringThresholds(null, form({ maxErrorRate: "50", maxInvalidRate: "50", maxP95LatencyMs: "60" }));
    expect(result).toEqual({ ok: false, error: "Not found." });
    expect(await getThresholds()).toEqual(DEFAULT_THRESHOLDS);
  });

  const SOME_ID = "00000000-0000-4000-8000-000000000001";
  const REVIEW_ACTIONS = [
    ["saveQueueRules", () => saveQueueRules(null, form({ sampleShare: "100", thumbsDown: "on", heavyEditDistance: "", lowConfidence: "on", errors: "on", secondReviewShare: "100" }))],
    ["reviewNextItem", () => reviewNextItem(null, form({}))],
    ["claimItemForReview", () => claimItemForReview(null, form({ itemId: SOME_ID }))],
    ["saveItemLabel", () => saveItemLabel(null, form({ itemId: SOME_ID, category: "Books", title: "A book", priceMin: "1", priceMax: "5", comment: "" }))],
    ["promoteItemLabel", () => promoteItemLabel(null, form({ labelId: SOME_ID, dataset: "sneaky", keywords: "book" }))],
  ] as const;

  for (const [name, run] of REVIEW_ACTIONS) {
    it.each(CALLERS)(`${name} refuses %s and changes nothing`, async (_who, caller) => {
      session.user = caller;
      expect(await run()).toEqual({ ok: false, error: "Not found." });
      const db = await getDb();
      expect(await getQueueRules()).toMatchObject({ sampleShare: 0.05, updatedBy: null });
      expect(await db.select().from(reviewItems)).toEqual([]);
      expect(await db.select().from(reviewLabels)).toEqual([]);
      expect(await listDatasets()).toEqual([]);
    });
  }

  it("lets an admin change the live prompt and the monitoring thresholds", async () => {
    session.user = { id: "admin", role: "admin" };
    // The admin must exist for the change logs' foreign keys.
    const { getDb } = await import("@/lib/db/client");
    const { user } = await import("@/lib/db/schema");
    await (await getDb()).insert(user).values({ id: "admin", name: "Admin", email: "admin@example.com", role: "admin" });
    expect(await setLivePrompt(form({ promptId: "listing-prefill", version: "1", modelId: "" }))).toEqual({ ok: true });
    expect(await getPromptLiveRow("listing-prefill")).toMatchObject({ version: 1, modelId: null, updatedBy: "admin" });

    expect(await saveMonitoringThresholds(null, form({ maxErrorRate: "2.5", maxInvalidRate: "10", maxP95LatencyMs: "8" }))).toEqual({ ok: true });
    expect(await getThresholds()).toEqual({ maxErrorRate: 0.025, maxInvalidRate: 0.1, maxP95LatencyMs: 8000 });
    expect(await saveMonitoringThresholds(null, form({ maxErrorRate: "-1", maxInvalidRate: "10", maxP95LatencyMs: "8" }))).toMatchObject({ ok: false, fieldErrors: { maxErrorRate: expect.any(Array) } });
  });

  it("lets an admin set the review queue's rules, with a message beside a bad value", async () => {
    session.user = { id: "admin", role: "admin" };
    const bad = await saveQueueRules(null, form({ sampleShare: "150", heavyEditDistance: "2", secondReviewShare: "10" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { sampleShare: [expect.stringMatching(/above 100/)], heavyEditDistance: [expect.any(String)] } });
    expect(await saveQueueRules(null, form({ sampleShare: "20", thumbsDown: "on", heavyEditDistance: "0.4", secondReviewShare: "25" }))).toEqual({ ok: true });
    expect(await getQueueRules()).toMatchObject({ sampleShare: 0.2, thumbsDown: true, heavyEditDistance: 0.4, lowConfidence: false, errors: false, secondReviewShare: 0.25, updatedBy: "admin" });
  });
});
