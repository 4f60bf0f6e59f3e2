import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { images, listings, user } from "@/lib/db/schema";
import { COUNT_LIMIT, getListingById, searchListings } from "./listings";

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values({ id: "seller-1", name: "Ana", email: "ana@example.com" });
  const base = { sellerId: "seller-1", condition: "good" as const };
  await db.insert(listings).values([
    { ...base, title: "Sony wireless headphones", description: "Noise cancelling, with case", category: "Electronics", priceCents: 12_000, createdAt: new Date("2026-01-01") },
    { ...base, title: "Oak dining table", description: "Seats six", category: "Furniture", priceCents: 30_000, createdAt: new Date("2026-01-02") },
    { ...base, title: "Grey sofa", description: "Three seats, comfy", category: "Furniture", priceCents: 25_000, status: "reserved", createdAt: new Date("2026-01-03") },
    { ...base, title: "Sold sofa bed", description: "Gone", category: "Furniture", priceCents: 10_000, status: "sold", createdAt: new Date("2026-01-04") },
  ]);
  const [sofa] = await db.select().from(listings).where(eq(listings.title, "Grey sofa"));
  const photo = { ownerId: "seller-1", listingId: sofa.id, width: 10, height: 10, bytes: 100, sha256: "x", originalType: "image/jpeg" };
  await db.insert(images).values([
    { ...photo, storageKey: "second-photo", position: 1 },
    { ...photo, storageKey: "first-photo", position: 0 },
  ]);
});

describe("searchListings", () => {
  it("lists active and reserved listings newest first, without sold ones", async () => {
    const result = await searchListings({});
    expect(result.items.map((item) => item.title)).toEqual(["Grey sofa", "Oak dining table", "Sony wireless headphones"]);
    expect(result.total).toBe(3);
  });

  it("shows each card with its first photo", async () => {
    const result = await searchListings({});
    expect(result.items.map((item) => item.imageKey)).toEqual(["first-photo", null, null]);
  });

  it("finds a word despite a typo", async () => {
    const result = await searchListings({ q: "hedphones" });
    expect(result.items.map((item) => item.title)).toEqual(["Sony wireless headphones"]);
  });

  it("matches the description with full-text search", async () => {
    const result = await searchListings({ q: "cancelling" });
    expect(result.items.map((item) => item.title)).toEqual(["Sony wireless headphones"]);
  });

  it("filters by category and price and sorts by price", async () => {
    const result = await searchListings({ category: "Furniture", max: 300, sort: "price_asc" });
    expect(result.items.map((item) => item.title)).toEqual(["Grey sofa", "Oak dining table"]);
  });

  it("keeps to the words as typed when they match, without typo matches", async () => {
    // "sofa" is a word here; "Sony" would be a typo match for it only if nothing matched as typed.
    const result = await searchListings({ q: "sofa" });
    expect(result.items.map((item) => item.title)).toEqual(["Grey sofa"]);
  });

  it("counts up to a limit, then says there are more, so no page view reads the whole catalogue", async () => {
    const db = await getDb();
    await db.execute(sql`
      insert into listings (seller_id, title, category, condition, price_cents, created_at)
      select 'seller-1', 'Paperback ' || n, 'Books', 'good', 500, timestamptz '2025-01-01' - make_interval(mins => n)
      from generate_series(1, ${COUNT_LIMIT + 50}) as n`);
    const result = await searchListings({ category: "Books" });
    expect(result).toMatchObject({ total: COUNT_LIMIT, totalIsLimit: true, pageCount: Math.ceil(COUNT_LIMIT / 24) });
    expect(result.items[0].title).toBe("Paperback 1");
    expect(await searchListings({ category: "Electronics" })).toMatchObject({ total: 1, totalIsLimit: false, pageCount: 1 });
    await db.delete(listings).where(eq(listings.category, "Books"));
  });

  it("returns null for an unknown or malformed id", async () => {
    expect(await getListingById("00000000-0000-0000-0000-000000000000")).toBeNull();
    expect(await getListingById("not-a-uuid")).toBeNull();
  });
});
