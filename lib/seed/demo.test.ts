import { count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { getListingById, searchListings } from "@/lib/db/queries/listings";
import { images, listings, user } from "@/lib/db/schema";
import { storageFileName } from "@/lib/images";
import { getImageStorage } from "@/lib/images/storage";
import { CATEGORIES } from "@/lib/listings/options";
import { DEMO_LISTINGS } from "./demo-listings";
import { DEMO_PASSWORD, DEMO_SELLERS, seedDemo, seedDemoIfEmpty } from "./demo";

let added = 0;

beforeAll(async () => {
  added = await seedDemoIfEmpty();
});

async function findByTitle(title: string) {
  const db = await getDb();
  const [row] = await db.select({ id: listings.id }).from(listings).where(eq(listings.title, title));
  return row ? getListingById(row.id) : null;
}

describe("the demo seed", () => {
  it("fills an empty database with about forty listings in every category", async () => {
    expect(added).toBe(DEMO_LISTINGS.length);
    expect(added).toBeGreaterThanOrEqual(35);
    const db = await getDb();
    const rows = await db.selectDistinct({ category: listings.category }).from(listings);
    expect(rows.map((row) => row.category).sort()).toEqual([...CATEGORIES].sort());
  });

  it("includes the listings the end-to-end tests rely on", async () => {
    expect(await findByTitle("Sony WH-1000XM4 wireless headphones")).toMatchObject({ category: "Electronics", condition: "like_new", priceCents: 18_000, status: "active" });
    expect(await findByTitle("Solid oak dining table")).toMatchObject({ category: "Furniture", condition: "good", priceCents: 25_000, status: "active" });
    expect(await findByTitle("Grey three-seater sofa")).toMatchObject({ category: "Furniture", condition: "good", priceCents: 32_000, status: "reserved" });
    expect(await findByTitle("Kids bike 16 inch")).toMatchObject({ category: "Toys & Kids", condition: "fair", priceCents: 4_500, status: "active" });
  });

  it("puts the four known listings on the first page of the home page", async () => {
    const { items } = await searchListings({});
    expect(items.every((item) => item.imageKey)).toBe(true);
    const titles = items.map((item) => item.title);
    for (const title of ["Sony WH-1000XM4 wireless headphones", "Solid oak dining table", "Grey three-seater sofa", "Kids bike 16 inch"]) {
      expect(titles).toContain(title);
    }
  });

  it("has a few reserved listings and one or two sold ones", async () => {
    const db = await getDb();
    const rows = await db.select({ status: listings.status, total: count() }).from(listings).groupBy(listings.status);
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, row.total]));
    expect(byStatus.reserved).toBeGreaterThanOrEqual(2);
    expect(byStatus.sold).toBeGreaterThanOrEqual(1);
    expect(byStatus.sold).toBeLessThanOrEqual(2);
  });

  it("gives every listing its photos, owned by its seller and stored as files", async () => {
    const headphones = await findByTitle("Sony WH-1000XM4 wireless headphones");
    expect(headphones?.photos).toHaveLength(3);
    const db = await getDb();
    const photos = await db.select().from(images);
    expect(photos.length).toBe(DEMO_LISTINGS.reduce((sum, listing) => sum + listing.photos, 0));
    const sellers = await db.select({ id: listings.id, sellerId: listings.sellerId }).from(listings);
    const sellerOf = new Map(sellers.map((row) => [row.id, row.sellerId]));
    for (const photo of photos) {
      expect(photo.listingId).not.toBeNull();
      expect(photo.ownerId).toBe(sellerOf.get(photo.listingId!));
    }
    expect(await getImageStorage().get(storageFileName(photos[0].storageKey, "thumb"))).not.toBeNull();
  });

  it("spreads the listings over the last weeks", async () => {
    const db = await getDb();
    const dates = (await db.select({ createdAt: listings.createdAt }).from(listings)).map((row) => row.createdAt.getTime());
    const spanDays = (Math.max(...dates) - Math.min(...dates)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(14);
    expect(Math.max(...dates)).toBeLessThanOrEqual(Date.now());
  });

  it("creates demo sellers who can sign in with the demo password", async () => {
    const db = await getDb();
    const sellers = await db.select({ name: user.name }).from(user).where(inArray(user.email, DEMO_SELLERS.map((seller) => seller.email)));
    expect(sellers).toHaveLength(DEMO_SELLERS.length);
    const auth = await getAuth();
    const signedIn = await auth.api.signInEmail({
      body: { email: DEMO_SELLERS[0].email, password: DEMO_PASSWORD },
      headers: new Headers({ "x-forwarded-for": "203.0.113.9" }),
    });
    expect(signedIn.user.name).toBe(DEMO_SELLERS[0].name);
  });

  it("adds nothing when run again", async () => {
    expect(await seedDemoIfEmpty()).toBe(0);
    expect(await seedDemo()).toBe(0);
    const db = await getDb();
    const [{ total }] = await db.select({ total: count() }).from(listings);
    expect(total).toBe(DEMO_LISTINGS.length);
  });
});
