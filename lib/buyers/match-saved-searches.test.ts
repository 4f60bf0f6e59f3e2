import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listings, notifications, savedSearches, user } from "@/lib/db/schema";
import { saveSearch, setSavedSearchPaused } from "@/lib/db/queries/saved-searches";
import { normaliseSearchQuery, savedSearchFilters } from "@/lib/listings/saved-search-query";
import { addNotificationChannel } from "./notifier";
import { matchSavedSearches } from "./match-saved-searches";

const SEARCHERS = 3000;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller", name: "Sam", email: "sam@example.com" },
    ...Array.from({ length: SEARCHERS }, (_, index) => ({ id: `buyer-${index}`, name: `Buyer ${index}`, email: `buyer${index}@example.com` })),
  ]);
  // Thousands of saved searches, a known share of which match a "Kids bike" in Sports at €40:
  // every 10th looks for bikes in Sports under €50 (match), the rest for things it is not.
  const queries = (index: number) => {
    if (index % 10 === 0) return "category=Sports&max=50&q=bike";
    if (index % 10 === 1) return "category=Sports&max=30&q=bike"; // too cheap
    if (index % 10 === 2) return "category=Furniture&q=bike"; // other category
    if (index % 10 === 3) return "q=sofa"; // other words
    if (index % 10 === 4) return "condition=new&q=bike"; // other condition
    return `category=Books&q=novel${index}`;
  };
  const rows = Array.from({ length: SEARCHERS }, (_, index) => {
    const query = normaliseSearchQuery(queries(index))!;
    return { userId: `buyer-${index}`, query, ...savedSearchFilters(query) };
  });
  for (let start = 0; start < rows.length; start += 1000) await db.insert(savedSearches).values(rows.slice(start, start + 1000));
});

async function publish(title: string, fields: Partial<typeof listings.$inferInsert> = {}) {
  const db = await getDb();
  const [listing] = await db
    .insert(listings)
    .values({ sellerId: "seller", title, description: "Ready to ride.", category: "Sports", condition: "good", priceCents: 4_000, ...fields })
    .returning({ id: listings.id });
  return listing.id;
}

describe("matchSavedSearches", () => {
  it("notifies exactly the owners of matching searches, among thousands, in batches", async () => {
    const delivered: number[] = [];
    const remove = addNotificationChannel({ name: "test", deliver: async (batch) => void delivered.push(batch.length) });
    const listingId = await publish("Kids bike");
    const started = performance.now();
    const notified = await matchSavedSearches(listingId, { batchSize: 100 });
    const elapsed = performance.now() - started;
    remove();
    expect(notified).toBe(SEARCHERS / 10);
    expect(delivered).toEqual([100, 100, 100]);
    const db = await getDb();
    const rows = await db.select({ userId: notifications.userId, text: notifications.text }).from(notifications).where(eq(notifications.listingId, listingId));
    expect(rows.every((row) => Number(row.userId.split("-")[1]) % 10 === 0)).toBe(true);
    expect(rows[0].text).toContain("Kids bike");
    // Generous bound for a shared 2-core machine; the point is that it does not grow with the catalogue.
    expect(elapsed).toBeLessThan(10_000);
  });

  it("notifies once per listing however often it runs", async () => {
    const listingId = await publish("Kids bike again");
    expect(await matchSavedSearches(listingId)).toBe(SEARCHERS / 10);
    expect(await matchSavedSearches(listingId)).toBe(0);
  });

  it("skips paused searches and the seller's own", async () => {
    const paused = await saveSearch("buyer-5", "q=lamp");
    const own = await saveSearch("seller", "q=lamp");
    expect(paused.ok && own.ok).toBe(true);
    if (paused.ok) await setSavedSearchPaused("buyer-5", paused.id, true);
    const listingId = await publish("Desk lamp", { category: "Home & Garden" });
    expect(await matchSavedSearches(listingId)).toBe(0);
  });

  it("matches a near search only within its radius, and never a listing with no place", async () => {
    await saveSearch("buyer-8", normaliseSearchQuery("q=kayak&near=Galway&km=25")!);
    const galway = { placeName: "Galway", placeLat: 53.2719, placeLng: -9.0489 };
    const cork = { placeName: "Cork", placeLat: 51.8985, placeLng: -8.4756 };
    expect(await matchSavedSearches(await publish("Sea kayak", { category: "Other", ...cork }))).toBe(0);
    expect(await matchSavedSearches(await publish("Kayak paddle", { category: "Other" }))).toBe(0);
    expect(await matchSavedSearches(await publish("Touring kayak", { category: "Other", ...galway }))).toBe(1);
  });

  it("matches a search with no filters but a word, whatever the category", async () => {
    await saveSearch("buyer-7", "q=guitar");
    const listingId = await publish("Acoustic guitar", { category: "Other", priceCents: 9_000 });
    expect(await matchSavedSearches(listingId)).toBe(1);
  });
});
