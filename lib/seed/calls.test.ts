import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { aiCalls } from "@/lib/db/schema";
import { RealCallsPresentError, seedSyntheticCalls } from "./calls";

async function callCounts() {
  const db = await getDb();
  const [{ synthetic }] = await db.select({ synthetic: count() }).from(aiCalls).where(eq(aiCalls.synthetic, true));
  const [{ real }] = await db.select({ real: count() }).from(aiCalls).where(eq(aiCalls.synthetic, false));
  return { synthetic, real };
}

describe("seedSyntheticCalls", () => {
  it("marks every call it makes up as synthetic, and will not mix them into real calls unless forced", async () => {
    await seedSyntheticCalls({ count: 20, days: 2 });
    expect(await callCounts()).toEqual({ synthetic: 20, real: 0 });
    // More synthetic calls on a log of synthetic calls are fine.
    await seedSyntheticCalls({ count: 5, days: 2 });

    const db = await getDb();
    await db.insert(aiCalls).values({ feature: "listing-prefill", provider: "mock", modelId: "mock:fixture", status: "ok", latencyMs: 100 });
    await expect(seedSyntheticCalls({ count: 5, days: 2 })).rejects.toBeInstanceOf(RealCallsPresentError);
    expect(await callCounts()).toEqual({ synthetic: 25, real: 1 });
    await seedSyntheticCalls({ count: 5, days: 2, force: true });
    expect(await callCounts()).toEqual({ synthetic: 30, real: 1 });
  });
});
