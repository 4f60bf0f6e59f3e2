import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { updateListing } from "@/app/(market)/listings/[id]/edit/actions";
import { getDb } from "@/lib/db/client";
import { images, listings, user } from "@/lib/db/schema";
import { getListingForEdit } from "@/lib/db/queries/seller-listings";
import { deleteListing, setListingStatus } from "./actions";

const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (read: unknown) => read }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));

const NOT_YOURS = { ok: false, error: "That listing doesn't exist or isn't yours." };
let listingId: string;
let photoId: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "ana", name: "Ana", email: "ana@example.com" },
    { id: "mallory", name: "Mallory", email: "mallory@example.com" },
  ]);
  const [listing] = await db
    .insert(listings)
    .values({ sellerId: "ana", title: "Road bike", category: "Sports", condition: "good", priceCents: 30_000 })
    .returning();
  listingId = listing.id;
  const [photo] = await db
    .insert(images)
    .values({ ownerId: "ana", listingId, storageKey: crypto.randomUUID(), width: 10, height: 10, bytes: 10, sha256: "x", originalType: "image/png" })
    .returning();
  photoId = photo.id;
});

beforeEach(() => {
  session.user = { id: "mallory" };
});

async function unchanged() {
  const listing = await getListingForEdit("ana", listingId);
  expect(listing).toMatchObject({ title: "Road bike", status: "active", priceCents: 30_000 });
  expect(listing?.photos.map((photo) => photo.id)).toEqual([photoId]);
}

describe("forged calls with another user's listing id", () => {
  it("cannot change its status", async () => {
    expect(await setListingStatus({ listingId, status: "sold" })).toEqual(NOT_YOURS);
    await unchanged();
  });

  it("cannot delete it", async () => {
    expect(await deleteListing({ listingId })).toEqual(NOT_YOURS);
    await unchanged();
  });

  it("cannot edit it, even reusing its own photo ids", async () => {
    const forged = { title: "Mine now", description: "", category: "Sports", condition: "good", price: "1", place: "Sligo", photoIds: [photoId] };
    expect(await updateListing(listingId, forged)).toEqual(NOT_YOURS);
    await unchanged();
  });
});

describe("the seller's own calls", () => {
  it("refuse malformed input with a message", async () => {
    session.user = { id: "ana" };
    expect(await setListingStatus({ listingId, status: "gone" })).toMatchObject({ ok: false, error: "Choose active, reserved or sold." });
    expect(await deleteListing({ listingId: "1 or 1=1" })).toMatchObject({ ok: false, error: "That listing doesn't exist or isn't yours." });
    await unchanged();
  });

  it("refuse a signed-out caller", async () => {
    session.user = null;
    expect(await setListingStatus({ listingId, status: "sold" })).toMatchObject({ ok: false });
    await unchanged();
  });

  it("mark the listing reserved, edit it, then delete it", async () => {
    session.user = { id: "ana" };
    expect(await setListingStatus({ listingId, status: "reserved" })).toEqual({ ok: true });
    const edit = { title: "Road bike, 56 cm", description: "Serviced", category: "Sports", condition: "like_new", price: "280", place: "Galway", photoIds: [photoId] };
    await expect(updateListing(listingId, edit)).rejects.toThrow(`redirect:/listings/${listingId}`);
    expect(await getListingForEdit("ana", listingId)).toMatchObject({ title: "Road bike, 56 cm", status: "reserved", priceCents: 28_000 });
    expect(await deleteListing({ listingId })).toEqual({ ok: true });
    expect(await getListingForEdit("ana", listingId)).toBeNull();
  });
});
