import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listings, moderationLog, user } from "@/lib/db/schema";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { hideListing, restoreListing } from "./moderation";
import { consumeReportAllowance } from "./report-limit";

let listingId: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "reporter", name: "Rae", email: "rae@example.com" },
    { id: "mod", name: "Mo", email: "mo@example.com", role: "moderator" },
  ]);
  [{ id: listingId }] = await db.insert(listings).values({ sellerId: "reporter", title: "Lamp", category: "Other", condition: "good", priceCents: 100 }).returning({ id: listings.id });
});

describe("limits", () => {
  it("allow a day's reports per person, then refuse", async () => {
    for (let i = 0; i < RATE_LIMITS.reports.limit; i++) expect(await consumeReportAllowance("reporter")).toBeNull();
    expect(await consumeReportAllowance("reporter")).toMatch(/^Too many reports today\. Try again in/);
  });

  it("rate-limit a moderator's decisions, and a refused decision is neither made nor logged", async () => {
    const db = await getDb();
    // Spend the hour's allowance on undoable pairs, then one more is refused.
    let done = 0;
    while (done < RATE_LIMITS.moderatorActions.limit) {
      expect((await hideListing("mod", { listingId, itemId: null, reason: "Test hide" })).ok).toBe(true);
      expect((await restoreListing("mod", { listingId, reason: "Test restore" })).ok).toBe(true);
      done += 2;
    }
    const logged = (await db.select().from(moderationLog)).length;
    const refused = await hideListing("mod", { listingId, itemId: null, reason: "One too many" });
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^Too many moderation actions/) });
    expect((await db.select().from(moderationLog)).length).toBe(logged);
    expect(logged).toBe(RATE_LIMITS.moderatorActions.limit);
  });
});
