import { beforeEach, describe, expect, it, vi } from "vitest";
import { getPromptLiveRow } from "@/lib/db/queries/prompt-live";
import { listEvalRuns } from "@/lib/db/queries/eval-runs";
import { DEFAULT_THRESHOLDS, getThresholds } from "@/lib/monitoring/thresholds";
import { startExperiment } from "./experiments/actions";
import { saveMonitoringThresholds } from "./monitoring/actions";
import { setLivePrompt } from "./prompts/actions";

const session = vi.hoisted(() => ({ user: null as { id: string; role: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
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
});
