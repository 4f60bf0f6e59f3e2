import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listings, user } from "@/lib/db/schema";
import { env } from "@/lib/env";
import robots from "./robots";
import sitemap from "./sitemap";

const ids = { active: "", reserved: "", sold: "" };

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values({ id: "sitemap-seller", name: "Sam", email: "sam@example.com" });
  const base = { sellerId: "sitemap-seller", category: "Books" as const, condition: "good" as const, priceCents: 500 };
  const rows = await db
    .insert(listings)
    .values([
      { ...base, title: "Active book", status: "active" },
      { ...base, title: "Reserved book", status: "reserved" },
      { ...base, title: "Sold book", status: "sold" },
    ])
    .returning({ id: listings.id, status: listings.status });
  for (const row of rows) ids[row.status] = row.id;
});

describe("sitemap.xml", () => {
  it("lists the home page and every listing still for sale, with absolute URLs", async () => {
    const urls = (await sitemap()).map((entry) => entry.url);
    expect(urls).toHaveLength(3);
    expect(urls).toContain(new URL("/", env.APP_URL).toString());
    expect(urls).toContain(`${new URL(env.APP_URL).origin}/listings/${ids.active}`);
    expect(urls).toContain(`${new URL(env.APP_URL).origin}/listings/${ids.reserved}`);
    expect(urls.some((url) => url.includes(ids.sold))).toBe(false);
  });
});

describe("robots.txt", () => {
  it("keeps crawlers out of private pages and points to the sitemap", () => {
    const result = robots();
    expect(result.rules).toMatchObject({ userAgent: "*", allow: "/" });
    expect(Array.isArray(result.rules) ? [] : result.rules.disallow).toEqual(
      expect.arrayContaining(["/api/", "/messages", "/my-listings", "/sell", "/sign-in", "/sign-up"]),
    );
    expect(result.sitemap).toBe(`${new URL(env.APP_URL).origin}/sitemap.xml`);
  });
});
