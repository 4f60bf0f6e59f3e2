import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listNotifications } from "@/lib/db/queries/notifications";
import { fileReport } from "@/lib/db/queries/safety";
import { listings, moderationItems, user } from "@/lib/db/schema";
import { dismissItem, hideListing } from "./moderation";

async function listing(title: string) {
  const db = await getDb();
  const [row] = await db.insert(listings).values({ sellerId: "told-seller", title, category: "Other", condition: "good", priceCents: 100 }).returning({ id: listings.id });
  return row.id;
}

async function itemOf(listingId: string) {
  const db = await getDb();
  const [item] = await db.select({ id: moderationItems.id }).from(moderationItems).where(eq(moderationItems.listingId, listingId));
  return item.id;
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "told-seller", name: "Sé", email: "se.told@example.com" },
    { id: "told-reporter", name: "Rí", email: "ri.told@example.com" },
    { id: "told-other", name: "Ó", email: "o.told@example.com" },
    { id: "told-mod", name: "Mod", email: "mod.told@example.com", role: "moderator" },
  ]);
});

describe("a moderator's decision", () => {
  it("is told to each person who reported the item, once, and to nobody else", async () => {
    const fake = await listing("Fake designer bag");
    expect((await fileReport({ reporterId: "told-reporter", kind: "listing", targetId: fake, reason: "scam", note: "" })).ok).toBe(true);
    expect((await hideListing("told-mod", { listingId: fake, itemId: await itemOf(fake), reason: "Counterfeit" })).ok).toBe(true);
    const notices = await listNotifications("told-reporter");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: "report", href: "/my-listings#your-reports" });
    expect(notices[0].text).toMatch(/^Your report was reviewed\. .*removed from the site/);
    expect(await listNotifications("told-other")).toHaveLength(0);
    expect(await listNotifications("told-seller")).toHaveLength(0);

    const fine = await listing("Ordinary lamp");
    await fileReport({ reporterId: "told-reporter", kind: "listing", targetId: fine, reason: "other", note: "Looks odd" });
    await fileReport({ reporterId: "told-other", kind: "listing", targetId: fine, reason: "wrong_category", note: "" });
    expect((await dismissItem("told-mod", { itemId: await itemOf(fine), reason: "Nothing wrong" })).ok).toBe(true);
    expect((await listNotifications("told-reporter")).map((notice) => notice.text)).toContainEqual(expect.stringMatching(/no rule was broken/));
    expect(await listNotifications("told-other")).toHaveLength(1);
  });
});
