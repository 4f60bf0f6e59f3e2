import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listings, user } from "@/lib/db/schema";
import { getComparablePrices, titleWordsQuery } from "./comparable-prices";

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values({ id: "seller", name: "Ana", email: "ana@example.com" });
  const base = { sellerId: "seller", condition: "good" as const, category: "Home & Garden" as const };
  await db.insert(listings).values([
    { ...base, title: "Green glass vase", priceCents: 1_000 },
    { ...base, title: "Tall ceramic vases, pair", priceCents: 3_000, status: "sold" },
    { ...base, title: "Blue ceramic bowl", priceCents: 2_000 },
    { ...base, title: "Vase with dried flowers", priceCents: 1_500, status: "reserved" },
    { ...base, title: "Garden hose", description: "Keeps a vase of flowers watered", priceCents: 900 },
    { ...base, title: "Porcelain vase", category: "Other", priceCents: 50_000 },
    { ...base, title: "Wooden garden bench", priceCents: 12_000 },
  ]);
});

describe("titleWordsQuery", () => {
  it("ORs the distinct words of a title, leaving out operator words and single letters", () => {
    expect(titleWordsQuery("Blue ceramic vase, blue glaze")).toBe("blue or ceramic or vase or glaze");
    expect(titleWordsQuery("Salt and pepper - or not? A set")).toBe("salt or pepper or set");
    expect(titleWordsQuery("  —  ")).toBeNull();
  });
});

describe("getComparablePrices", () => {
  it("ranges over active and sold listings of the category that share a title word", async () => {
    // Matches: green glass vase (€10), ceramic vases (€30, sold), blue ceramic bowl (€20).
    // Not: the reserved vase, the hose (only its description says vase), the vase in another category.
    expect(await getComparablePrices({ category: "Home & Garden", title: "Blue ceramic vase" })).toEqual({
      lowCents: 1_000,
      highCents: 3_000,
      count: 3,
    });
  });

  it("trims the cheapest and dearest tenth once there are enough listings", async () => {
    const db = await getDb();
    const base = { sellerId: "seller", condition: "good" as const, category: "Sports" as const };
    const prices = [100, 4_000, 4_500, 5_000, 5_500, 6_000, 6_500, 7_000, 7_500, 8_000, 9_000, 900_000];
    await db.insert(listings).values(prices.map((priceCents, index) => ({ ...base, title: `Road bike ${index}`, priceCents })));
    expect(await getComparablePrices({ category: "Sports", title: "Road bike, 54 cm" })).toEqual({
      lowCents: 4_000,
      highCents: 9_000,
      count: 12,
    });
  });

  it("shows nothing below three matches or for a title without words", async () => {
    expect(await getComparablePrices({ category: "Home & Garden", title: "Garden bench" })).toBeNull();
    expect(await getComparablePrices({ category: "Home & Garden", title: "!!" })).toBeNull();
  });
});
