import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listings, user } from "@/lib/db/schema";
import { countSaves, getSavedListingIds, listSavedListings, saveListing, unsaveListing } from "./saved-listings";

let bikeId: string;
let lampId: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller", name: "Sam", email: "sam@example.com" },
    { id: "bea", name: "Bea", email: "bea@example.com" },
  ]);
  const base = { sellerId: "seller", category: "Sports" as const, condition: "good" as const, priceCents: 1_000 };
  [{ id: bikeId }, { id: lampId }] = await db.insert(listings).values([{ ...base, title: "Kids bike" }, { ...base, title: "Lamp" }]).returning({ id: listings.id });
});

describe("saved listings", () => {
  it("saves once however often, counts saves, and unsaves", async () => {
    expect(await saveListing("bea", bikeId)).toBe(true);
    expect(await saveListing("bea", bikeId)).toBe(true);
    expect(await countSaves(bikeId)).toBe(1);
    expect([...(await getSavedListingIds("bea", [bikeId, lampId]))]).toEqual([bikeId]);
    await unsaveListing("bea", bikeId);
    expect(await countSaves(bikeId)).toBe(0);
    expect(await saveListing("bea", "not-a-uuid")).toBe(false);
  });

  it("keeps a save whose listing was sold or deleted, saying which", async () => {
    await saveListing("bea", bikeId);
    await saveListing("bea", lampId);
    const db = await getDb();
    await db.update(listings).set({ status: "sold" }).where(eq(listings.id, bikeId));
    await db.delete(listings).where(eq(listings.id, lampId));
    const saved = await listSavedListings("bea");
    expect(saved.map((item) => [item.savedTitle, item.listing?.status ?? "removed"])).toEqual([
      ["Lamp", "removed"],
      ["Kids bike", "sold"],
    ]);
  });
});
