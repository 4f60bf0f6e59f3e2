import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { conversations, images, listings, user } from "@/lib/db/schema";
import { storageFileName, storeUploadedImage } from "@/lib/images";
import { getImageStorage } from "@/lib/images/storage";
import type { PlacedListingInput } from "@/lib/listings/listing-schema";
import { deleteListing, updateListing } from "@/lib/sell/manage-listings";
import { createListing, getListingForEdit, getSellerListings, setListingStatus } from "./seller-listings";

const SELLER = "seller-ana";
const OTHER = "seller-bo";

async function uploadPhoto(ownerId: string) {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } }).png().toBuffer();
  const stored = await storeUploadedImage(png, ownerId);
  if (!stored.ok) throw new Error(stored.error);
  return stored.image;
}

function listingInput(photoIds: string[], overrides: Partial<PlacedListingInput> = {}): PlacedListingInput {
  return { title: "Oak table", description: "Seats six", category: "Furniture", condition: "good", priceCents: 12_000, placeName: "Galway", placeLat: 53.27, placeLng: -9.05, photoIds, ...overrides };
}

async function photoOrder(listingId: string) {
  const db = await getDb();
  const rows = await db.select({ id: images.id, position: images.position, listingId: images.listingId }).from(images);
  return rows
    .filter((row) => row.listingId === listingId)
    .sort((a, b) => a.position - b.position)
    .map((row) => row.id);
}

async function fileExists(storageKey: string) {
  return (await getImageStorage().get(storageFileName(storageKey, "full"))) !== null;
}

async function createOwnedListing(sellerId = SELLER, photoCount = 2) {
  const photos = await Promise.all(Array.from({ length: photoCount }, () => uploadPhoto(sellerId)));
  const created = await createListing(sellerId, listingInput(photos.map((photo) => photo.id)));
  if (!created.ok) throw new Error(created.reason);
  return { id: created.id, photos };
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: SELLER, name: "Ana", email: "ana@example.com" },
    { id: OTHER, name: "Bo", email: "bo@example.com" },
  ]);
});

describe("createListing", () => {
  it("creates the listing and attaches its photos in the chosen order", async () => {
    const [first, second, third] = await Promise.all([uploadPhoto(SELLER), uploadPhoto(SELLER), uploadPhoto(SELLER)]);
    const created = await createListing(SELLER, listingInput([third.id, first.id, second.id]));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await photoOrder(created.id)).toEqual([third.id, first.id, second.id]);
    const forEdit = await getListingForEdit(SELLER, created.id);
    expect(forEdit).toMatchObject({ title: "Oak table", priceCents: 12_000, sellerId: SELLER, status: "active" });
    expect(forEdit?.photos.map((photo) => photo.id)).toEqual([third.id, first.id, second.id]);
  });

  it("refuses someone else's photo and creates nothing", async () => {
    const mine = await uploadPhoto(SELLER);
    const theirs = await uploadPhoto(OTHER);
    const before = await getSellerListings(SELLER);
    expect(await createListing(SELLER, listingInput([mine.id, theirs.id]))).toEqual({ ok: false, reason: "photos-unavailable" });
    expect(await getSellerListings(SELLER)).toHaveLength(before.length);
    const db = await getDb();
    const rows = await db.select({ id: images.id, listingId: images.listingId }).from(images);
    expect(rows.find((row) => row.id === mine.id)?.listingId).toBeNull();
    expect(rows.find((row) => row.id === theirs.id)?.listingId).toBeNull();
  });

  it("refuses a photo already on another listing of the same seller", async () => {
    const { photos } = await createOwnedListing();
    expect(await createListing(SELLER, listingInput([photos[0].id]))).toEqual({ ok: false, reason: "photos-unavailable" });
  });
});

describe("updateListing", () => {
  it("saves fields, reorders photos and deletes removed photos with their files", async () => {
    const { id, photos } = await createOwnedListing(SELLER, 3);
    const added = await uploadPhoto(SELLER);
    const result = await updateListing(SELLER, id, listingInput([added.id, photos[2].id, photos[0].id], { title: "Walnut table", priceCents: 9_950 }));
    expect(result).toEqual({ ok: true });
    expect(await photoOrder(id)).toEqual([added.id, photos[2].id, photos[0].id]);
    expect(await getListingForEdit(SELLER, id)).toMatchObject({ title: "Walnut table", priceCents: 9_950 });
    const db = await getDb();
    const remaining = await db.select({ id: images.id }).from(images);
    expect(remaining.map((row) => row.id)).not.toContain(photos[1].id);
    expect(await fileExists(photos[1].storageKey)).toBe(false);
    expect(await fileExists(photos[0].storageKey)).toBe(true);
  });

  it("refuses another user and changes nothing", async () => {
    const { id, photos } = await createOwnedListing();
    const intruderPhoto = await uploadPhoto(OTHER);
    const result = await updateListing(OTHER, id, listingInput([intruderPhoto.id], { title: "Hijacked" }));
    expect(result).toEqual({ ok: false, reason: "not-found" });
    expect(await getListingForEdit(SELLER, id)).toMatchObject({ title: "Oak table" });
    expect(await photoOrder(id)).toEqual(photos.map((photo) => photo.id));
    expect(await fileExists(photos[0].storageKey)).toBe(true);
  });

  it("refuses to attach someone else's photo and rolls back the field changes", async () => {
    const { id, photos } = await createOwnedListing();
    const theirs = await uploadPhoto(OTHER);
    const result = await updateListing(SELLER, id, listingInput([photos[0].id, theirs.id], { title: "Changed" }));
    expect(result).toEqual({ ok: false, reason: "photos-unavailable" });
    expect(await getListingForEdit(SELLER, id)).toMatchObject({ title: "Oak table" });
    expect(await photoOrder(id)).toEqual(photos.map((photo) => photo.id));
    expect(await fileExists(photos[1].storageKey)).toBe(true);
  });

  it("refuses a photo that belongs to another of the seller's listings", async () => {
    const first = await createOwnedListing();
    const second = await createOwnedListing();
    const result = await updateListing(SELLER, first.id, listingInput([second.photos[0].id]));
    expect(result).toEqual({ ok: false, reason: "photos-unavailable" });
    expect(await photoOrder(second.id)).toEqual(second.photos.map((photo) => photo.id));
  });
});

describe("setListingStatus", () => {
  it("lets the seller mark a listing reserved, sold and active again", async () => {
    const { id } = await createOwnedListing(SELLER, 1);
    for (const status of ["reserved", "sold", "active"] as const) {
      expect(await setListingStatus(SELLER, id, status)).toEqual({ ok: true });
      expect((await getListingForEdit(SELLER, id))?.status).toBe(status);
    }
  });

  it("refuses another user, and malformed ids", async () => {
    const { id } = await createOwnedListing(SELLER, 1);
    expect(await setListingStatus(OTHER, id, "sold")).toEqual({ ok: false, reason: "not-found" });
    expect((await getListingForEdit(SELLER, id))?.status).toBe("active");
    expect(await setListingStatus(SELLER, "not-a-uuid", "sold")).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("deleteListing", () => {
  it("refuses another user and leaves the listing and its photos alone", async () => {
    const { id, photos } = await createOwnedListing();
    expect(await deleteListing(OTHER, id)).toEqual({ ok: false, reason: "not-found" });
    expect(await getListingForEdit(SELLER, id)).not.toBeNull();
    expect(await photoOrder(id)).toEqual(photos.map((photo) => photo.id));
    expect(await fileExists(photos[0].storageKey)).toBe(true);
  });

  it("deletes the listing, its photo rows and files, and its conversations", async () => {
    const { id, photos } = await createOwnedListing();
    const db = await getDb();
    await db.insert(conversations).values({ listingId: id, buyerId: OTHER, sellerId: SELLER });
    expect(await deleteListing(SELLER, id)).toEqual({ ok: true });
    expect(await getListingForEdit(SELLER, id)).toBeNull();
    const photoIds = photos.map((photo) => photo.id);
    const remaining = await db.select({ id: images.id }).from(images);
    expect(remaining.filter((row) => photoIds.includes(row.id))).toEqual([]);
    expect(await fileExists(photos[0].storageKey)).toBe(false);
    const threads = await db.select().from(conversations);
    expect(threads.filter((thread) => thread.listingId === id)).toEqual([]);
  });
});

describe("getSellerListings and getListingForEdit", () => {
  it("lists only the seller's listings, newest first, with first photo and conversation count", async () => {
    const db = await getDb();
    await db.insert(user).values({ id: "seller-cy", name: "Cy", email: "cy@example.com" });
    const older = await createOwnedListing("seller-cy", 2);
    const newer = await createOwnedListing("seller-cy", 1);
    await db.update(listings).set({ createdAt: new Date("2020-01-01") }).where(eq(listings.id, older.id));
    await db.insert(conversations).values([
      { listingId: older.id, buyerId: SELLER, sellerId: "seller-cy" },
      { listingId: older.id, buyerId: OTHER, sellerId: "seller-cy" },
    ]);
    const rows = await getSellerListings("seller-cy");
    expect(rows.map((row) => [row.id, row.imageKey, row.conversationCount])).toEqual([
      [newer.id, newer.photos[0].storageKey, 0],
      [older.id, older.photos[0].storageKey, 2],
    ]);
  });

  it("hides a listing from anyone but its seller", async () => {
    const { id } = await createOwnedListing();
    expect(await getListingForEdit(OTHER, id)).toBeNull();
    expect(await getListingForEdit(SELLER, "not-a-uuid")).toBeNull();
  });
});
