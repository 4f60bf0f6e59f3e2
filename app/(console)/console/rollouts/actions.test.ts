import { beforeEach, describe, expect, it, vi } from "vitest";
import { PREFILL_FEATURE } from "@/lib/ai/prefill-contract";
import { getDb } from "@/lib/db/client";
import { getPromptLiveRow } from "@/lib/db/queries/prompt-live";
import { getActiveExperiment, getExperimentChanges, insertExposure, listExperiments } from "@/lib/db/queries/rollouts";
import { aiCalls, user } from "@/lib/db/schema";
import { chooseVariant, variantLogKey } from "@/lib/rollout/variants";
import { changeRolloutShares, promoteRolloutVariant, setRolloutStatus, startRollout } from "./actions";

const session = vi.hoisted(() => ({ user: null as { id: string; role: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (read: unknown) => read }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

const START = {
  name: "Prompt v1 on a mock candidate",
  holdout: "5",
  candidatePrompt: "listing-prefill@1",
  candidateModel: "mock:low-confidence",
  candidateTemperature: "",
  candidateShare: "50",
  maxErrorRate: "20",
  maxInvalidRate: "20",
  maxP95LatencyMs: "20000",
  minCalls: "10",
};

async function startAsAdmin(values: Record<string, string> = START): Promise<string> {
  session.user = { id: "admin", role: "admin" };
  const redirected = await startRollout(null, form(values)).catch((error: { url?: string }) => error);
  expect(redirected).toMatchObject({ url: expect.stringMatching(/^\/console\/rollouts\/[0-9a-f-]{36}$/) });
  return (redirected as { url: string }).url.split("/").pop()!;
}

describe("rollout actions", () => {
  beforeEach(async () => {
    session.user = null;
    const db = await getDb();
    await db.insert(user).values({ id: "admin", name: "Admin", email: "admin@example.com", role: "admin" }).onConflictDoNothing();
  });

  it.each([
    ["a signed-out visitor", null],
    ["a seller without the admin role", { id: "seller", role: "user" }],
  ] as const)("refuse %s, and nothing changes", async (_who, caller) => {
    session.user = caller;
    const id = "00000000-0000-4000-8000-000000000000";
    expect(await startRollout(null, form(START))).toEqual({ ok: false, error: "Not found." });
    expect(await changeRolloutShares(null, form({ experimentId: id, holdout: "0", share_B: "10" }))).toEqual({ ok: false, error: "Not found." });
    expect(await setRolloutStatus(null, form({ experimentId: id, status: "stopped" }))).toEqual({ ok: false, error: "Not found." });
    expect(await promoteRolloutVariant(null, form({ experimentId: id, key: "B" }))).toEqual({ ok: false, error: "Not found." });
    expect(await listExperiments()).toEqual([]);
  });

  it("explains bad values beside their fields", async () => {
    session.user = { id: "admin", role: "admin" };
    const result = await startRollout(null, form({ ...START, name: "x", holdout: "25", candidateShare: "abc", candidateModel: "not a model" }));
    expect(result).toMatchObject({ ok: false });
    const fieldErrors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fieldErrors.name).toEqual(["Name the experiment (at least 3 characters)."]);
    expect(fieldErrors.holdout).toEqual(["The holdout can be at most 10 %."]);
    expect(fieldErrors.candidateShare).toBeDefined();
    expect(fieldErrors.candidateModel).toBeDefined();
    expect(await listExperiments()).toEqual([]);
  });

  it("starts one experiment at a time, changes shares, pauses and promotes, recording each change", async () => {
    const id = await startAsAdmin();
    const experiment = await getActiveExperiment(PREFILL_FEATURE);
    expect(experiment).toMatchObject({ id, status: "running", holdoutShare: 0.05 });
    expect(experiment!.variants.map(({ key, modelId, share }) => ({ key, modelId, share }))).toEqual([
      { key: "A", modelId: null, share: 0 },
      { key: "B", modelId: "mock:low-confidence", share: 0.5 },
    ]);
    expect(await startRollout(null, form(START))).toEqual({ ok: false, error: expect.stringMatching(/already running/) });

    expect(await changeRolloutShares(null, form({ experimentId: id, holdout: "0", share_B: "95" }))).toMatchObject({ ok: false, fieldErrors: { share_B: [expect.any(String)] } });
    expect(await changeRolloutShares(null, form({ experimentId: id, holdout: "0", share_B: "80" }))).toEqual({ ok: true });
    expect((await getActiveExperiment(PREFILL_FEATURE))!.variants[1].share).toBe(0.8);

    expect(await setRolloutStatus(null, form({ experimentId: id, status: "paused" }))).toEqual({ ok: true });
    expect(await chooseVariant(PREFILL_FEATURE, "some-seller")).toEqual({ kind: "live" });

    expect(await promoteRolloutVariant(null, form({ experimentId: id, key: "B" }))).toEqual({ ok: true });
    expect(await getPromptLiveRow(PREFILL_FEATURE)).toMatchObject({ version: 1, modelId: "mock:low-confidence", updatedBy: "admin" });
    expect(await getActiveExperiment(PREFILL_FEATURE)).toBeNull();
    const changes = (await getExperimentChanges(id)).map(({ change }) => change.action);
    expect(changes).toEqual(["stopped", "paused", "shares", "started"]);
  });

  it("assigns sellers stickily, and a guard rail returns a failing candidate's traffic to control", async () => {
    const id = await startAsAdmin({ ...START, holdout: "0", candidateShare: "90", candidateModel: "mock:error" });
    const db = await getDb();
    const sellers = Array.from({ length: 40 }, (_, index) => `seller-${index}`);
    const served = await Promise.all(sellers.map((seller) => chooseVariant(PREFILL_FEATURE, seller)));
    const onCandidate = sellers.filter((_, index) => served[index].kind === "variant" && (served[index] as { key: string }).key === "B");
    expect(onCandidate.length).toBeGreaterThan(25);
    // The same seller asks again: same variant.
    expect(await chooseVariant(PREFILL_FEATURE, onCandidate[0])).toMatchObject({ kind: "variant", key: "B", modelId: "mock:error" });

    // Ten failed calls on the candidate's model reach the guard rail's minimum with a 100 % error rate.
    await db.insert(aiCalls).values(
      Array.from({ length: 10 }, () => ({
        feature: PREFILL_FEATURE,
        provider: "mock",
        modelId: "mock:error",
        status: "error" as const,
        latencyMs: 40,
        variantKey: variantLogKey(id, "B"),
      })),
    );
    expect(await chooseVariant(PREFILL_FEATURE, onCandidate[0])).toMatchObject({ kind: "variant", key: "A" });
    const experiment = await getActiveExperiment(PREFILL_FEATURE);
    expect(experiment!.variants[1]).toMatchObject({ share: 0, cutReason: "Error rate 100 % over its last 10 calls (limit 20 %)." });
    const [latest] = await getExperimentChanges(id);
    expect(latest.change).toMatchObject({ action: "guard rail", changedBy: null });

    // Given traffic again by an admin, the candidate comes back, judged only on calls after the cut.
    await insertExposure({ experimentId: id, variantKey: "B", userId: "admin", callId: null });
    expect(await changeRolloutShares(null, form({ experimentId: id, holdout: "0", share_B: "90" }))).toEqual({ ok: true });
    expect(await chooseVariant(PREFILL_FEATURE, onCandidate[0])).toMatchObject({ kind: "variant", key: "B" });
    expect((await getActiveExperiment(PREFILL_FEATURE))!.variants[1]).toMatchObject({ share: 0.9, cutReason: null });
  });
});
