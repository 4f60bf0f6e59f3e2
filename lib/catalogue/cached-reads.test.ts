import { beforeEach, describe, expect, it, vi } from "vitest";

// Next's data cache stands in as a Map keyed like unstable_cache's own key (key parts plus the
// JSON of the arguments), so a second read with the same key never reaches the database.
const stored = new Map<string, unknown>();
const updateTag = vi.fn();
vi.mock("next/cache", () => ({
  updateTag: (tag: string) => updateTag(tag),
  unstable_cache:
    (read: (...args: unknown[]) => Promise<unknown>, keyParts: string[]) =>
    async (...args: unknown[]) => {
      const key = `${keyParts.join(",")}-${JSON.stringify(args)}`;
      if (!stored.has(key)) stored.set(key, await read(...args));
      return stored.get(key);
    },
}));

const searchListings = vi.fn();
const getListingById = vi.fn();
vi.mock("@/lib/db/queries/listings", () => ({ searchListings: (...args: unknown[]) => searchListings(...args), getListingById: (id: string) => getListingById(id) }));

const { getCataloguedListing, invalidateCatalogue, invalidateListing, searchCatalogue } = await import("./cached-reads");

const createdAt = new Date("2026-11-30T10:00:00Z");

beforeEach(() => {
  stored.clear();
  vi.clearAllMocks();
});

describe("searchCatalogue", () => {
  it("reads a search once and gives back its dates as dates", async () => {
    searchListings.mockResolvedValue({ items: [{ id: "a", title: "Lamp", createdAt }], total: 1, totalIsLimit: false, page: 1, pageCount: 1 });
    await searchCatalogue({ q: "lamp" });
    const again = await searchCatalogue({ q: "lamp" });
    expect(searchListings).toHaveBeenCalledTimes(1);
    expect(again.items[0].createdAt).toBeInstanceOf(Date);
    expect(again.items[0].createdAt.getTime()).toBe(createdAt.getTime());
  });

  it("keys a near search by its coordinates and distance only", async () => {
    searchListings.mockResolvedValue({ items: [], total: 0, totalIsLimit: false, page: 1, pageCount: 1 });
    const origin = { lat: 53.27, lng: -9.05, km: 25 };
    await searchCatalogue({ q: "bike", near: "Galway" }, { ...origin, label: "Galway", fromBrowser: false } as typeof origin);
    await searchCatalogue({ q: "bike", near: "Galway" }, origin);
    await searchCatalogue({ q: "bike", near: "Galway" }, { ...origin, km: 50 });
    expect(searchListings).toHaveBeenCalledTimes(2);
    expect(searchListings).toHaveBeenNthCalledWith(1, { q: "bike", near: "Galway" }, origin);
  });
});

describe("getCataloguedListing", () => {
  it("keeps a listing's dates and an unknown id's null", async () => {
    getListingById.mockImplementation(async (id: string) => (id === "known" ? { id, createdAt, hiddenAt: null, photos: [] } : null));
    expect((await getCataloguedListing("known"))?.createdAt).toEqual(createdAt);
    expect(await getCataloguedListing("unknown")).toBeNull();
  });
});

describe("invalidation", () => {
  it("expires a listing's page and every search after a change to it", () => {
    invalidateListing("abc");
    expect(updateTag.mock.calls.flat().sort()).toEqual(["catalogue", "listing:abc"]);
  });

  it("expires every search and listing page after a change to a seller", () => {
    invalidateCatalogue();
    expect(updateTag.mock.calls.flat().sort()).toEqual(["catalogue", "listing-pages"]);
  });
});
