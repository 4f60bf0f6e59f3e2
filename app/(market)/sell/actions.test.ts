import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { getDb } from "@/lib/db/client";
import { getAiCallForUser } from "@/lib/db/queries/ai-calls";
import { getListingById } from "@/lib/db/queries/listings";
import { getSellerListings } from "@/lib/db/queries/seller-listings";
import { getDefaultPlace } from "@/lib/db/queries/users";
import { aiCalls, listings, user } from "@/lib/db/schema";
import { normalisedEditDistance } from "@/lib/sell/implicit-feedback";
import { createListing, rateSuggestion, uploadListingPhoto } from "./actions";

const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
// The saved-search match and notifications run after the response; here there is no response.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (read: unknown) => read }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));

function photoForm(bytes: string | Uint8Array<ArrayBuffer>, name: string, type: string) {
  const form = new FormData();
  form.append("photo", new File([bytes], name, { type }));
  return form;
}

async function upload(ownerId: string) {
  session.user = { id: ownerId };
  const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: "#c84" } }).png().toBuffer();
  const result = await uploadListingPhoto(photoForm(new Uint8Array(png), "chair.png", "image/png"));
  if (!result.ok) throw new Error(result.error);
  return result.photo;
}

const details = { title: "Blue armchair", description: "", category: "Furniture", condition: "good", price: "45", place: "Galway" };

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "ana", name: "Ana", email: "ana@example.com" },
    { id: "bo", name: "Bo", email: "bo@example.com" },
  ]);
});

beforeEach(() => {
  session.user = null;
});

describe("uploadListingPhoto", () => {
  it("stores a photo and answers with its id and thumbnail address", async () => {
    const photo = await upload("ana");
    expect(photo.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(photo.thumbUrl).toMatch(/^\/api\/images\/[0-9a-f-]+-thumb\.webp$/);
  });

  it("refuses a text file renamed .jpg with a clear message", async () => {
    session.user = { id: "ana" };
    const text = "these are my notes, not a photo";
    expect(await uploadListingPhoto(photoForm(text, "holiday.jpg", "image/jpeg"))).toEqual({
      ok: false,
      error: "That file is not a photo Trova can read. Use a JPEG, PNG, WebP or AVIF image.",
    });
  });

  it("refuses a signed-out caller and a form without a file", async () => {
    expect(await uploadListingPhoto(new FormData())).toMatchObject({ ok: false, error: expect.stringMatching(/signed out/) });
    session.user = { id: "ana" };
    expect(await uploadListingPhoto(new FormData())).toEqual({ ok: false, error: "Choose a photo to upload." });
  });
});

describe("createListing", () => {
  it("publishes the listing and redirects to it", async () => {
    const photo = await upload("ana");
    await expect(createListing({ ...details, photoIds: [photo.id] })).rejects.toThrow(/^redirect:\/listings\/[0-9a-f-]{36}$/);
    expect((await getSellerListings("ana")).map((listing) => [listing.title, listing.priceCents])).toContainEqual(["Blue armchair", 4500]);
  });

  it("stores the place's label and coordinates and makes it the seller's default place", async () => {
    const photo = await upload("ana");
    await expect(createListing({ ...details, title: "Pine bookcase", place: " gaillimh ", photoIds: [photo.id] })).rejects.toThrow(/^redirect:/);
    const [stored] = (await getSellerListings("ana")).filter((listing) => listing.title === "Pine bookcase");
    const listing = await getListingById(stored.id);
    expect(listing).toMatchObject({ placeName: "Galway", placeLat: expect.closeTo(53.27, 1), placeLng: expect.closeTo(-9.05, 1) });
    expect(await getDefaultPlace("ana")).toBe("Galway");
  });

  it("refuses a place the gazetteer does not know, beside the field, and stores nothing", async () => {
    const photo = await upload("ana");
    const before = (await getSellerListings("ana")).length;
    const result = await createListing({ ...details, place: "Atlantis", photoIds: [photo.id] });
    expect(result).toMatchObject({ ok: false, fieldErrors: { place: [expect.stringMatching(/doesn't know that place/)] } });
    expect(await createListing({ ...details, place: "", photoIds: [photo.id] })).toMatchObject({ ok: false, fieldErrors: { place: ["Choose the town or city where the item is."] } });
    expect(await getSellerListings("ana")).toHaveLength(before);
  });

  it("explains invalid fields", async () => {
    session.user = { id: "ana" };
    const result = await createListing({ ...details, title: "", price: "-3", photoIds: [] });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        title: ["The title needs at least 3 characters."],
        price: ["The price can't be negative. Enter 0 to give it away."],
        photoIds: ["Add at least one photo."],
      },
    });
  });

  it("refuses a forged call that attaches someone else's photo", async () => {
    const theirs = await upload("bo");
    session.user = { id: "ana" };
    const before = (await getSellerListings("ana")).length;
    const result = await createListing({ ...details, photoIds: [theirs.id] });
    expect(result).toMatchObject({ ok: false, fieldErrors: { photoIds: [expect.stringMatching(/can't be used/)] } });
    expect(await getSellerListings("ana")).toHaveLength(before);
  });

  it("refuses a signed-out caller", async () => {
    const photo = await upload("ana");
    session.user = null;
    expect(await createListing({ ...details, photoIds: [photo.id] })).toMatchObject({ ok: false });
  });
});

/** A recorded pre-fill call by `userId` that answered with the default fixture. */
async function recordCall(userId: string) {
  const id = crypto.randomUUID();
  const db = await getDb();
  await db.insert(aiCalls).values({
    id,
    feature: "listing-prefill",
    userId,
    provider: "mock",
    modelId: "mock:fixture",
    status: "ok",
    output: DEFAULT_FIXTURE,
    latencyMs: 400,
  });
  return id;
}

/** The listing a successful createListing redirected to. */
async function publishedListing(result: Promise<unknown>) {
  const redirected: Error = await result.then(
    (value) => Promise.reject(new Error(`expected a redirect, got ${JSON.stringify(value)}`)),
    (error: Error) => error,
  );
  const id = redirected.message.replace("redirect:/listings/", "");
  const db = await getDb();
  const [listing] = await db.select().from(listings).where(eq(listings.id, id));
  return listing;
}

const noDetails = { brand: "", colour: "", material: "", size: "" };

describe("createListing from a suggestion", () => {
  it("links the call, stores the suggestion with the kept details, and adds details the description lacks", async () => {
    const photo = await upload("ana");
    const callId = await recordCall("ana");
    const listing = await publishedListing(
      createListing({
        ...details,
        title: "Blue vase",
        description: "Blue glazed ceramic vase.",
        photoIds: [photo.id],
        fromSuggestion: { callId, details: { ...noDetails, colour: "blue", material: "ceramic", size: "25 cm" } },
      }),
    );
    expect(listing.aiCallId).toBe(callId);
    expect(listing.aiSuggestion).toEqual({ ...DEFAULT_FIXTURE, sellerDetails: { brand: null, colour: "blue", material: "ceramic", size: "25 cm" } });
    expect(listing.description).toBe("Blue glazed ceramic vase.\n\nSize: 25 cm.");
    const call = await getAiCallForUser(callId, "ana");
    expect(call?.listingId).toBe(listing.id);
    expect(call?.publishedAt).toBeInstanceOf(Date);
    // What the seller did, compared with the description as they typed it (before "Size: 25 cm." was added).
    expect(call?.implicitFeedback).toEqual({
      fields: { title: "changed", description: "changed", category: "changed", condition: "kept", price: "changed", brand: "kept", colour: "kept", material: "kept", size: "changed" },
      titleEditDistance: 8 / 17,
      descriptionEditDistance: normalisedEditDistance(DEFAULT_FIXTURE.description, "Blue glazed ceramic vase."),
      categoryChanged: true,
      priceLogError: Math.log(45 / 25),
    });
  });

  it("publishes without the link when the call is someone else's", async () => {
    const photo = await upload("ana");
    const callId = await recordCall("bo");
    const listing = await publishedListing(
      createListing({ ...details, photoIds: [photo.id], fromSuggestion: { callId, details: { ...noDetails, brand: "IKEA" } } }),
    );
    expect(listing).toMatchObject({ aiCallId: null, aiSuggestion: null, description: "" });
    expect(await getAiCallForUser(callId, "bo")).toMatchObject({ listingId: null, publishedAt: null, implicitFeedback: null });
  });
});

describe("rateSuggestion", () => {
  it("stores a thumbs down with its reason, and a later thumbs up replaces it", async () => {
    const callId = await recordCall("ana");
    session.user = { id: "ana" };
    expect(await rateSuggestion({ callId, rating: -1, reason: "  The price is far too low. " })).toEqual({ ok: true });
    expect(await getAiCallForUser(callId, "ana")).toMatchObject({ feedbackRating: -1, feedbackReason: "The price is far too low." });
    expect(await rateSuggestion({ callId, rating: 1, reason: "ignored" })).toEqual({ ok: true });
    expect(await getAiCallForUser(callId, "ana")).toMatchObject({ feedbackRating: 1, feedbackReason: null });
  });

  it("refuses someone else's call, a bad rating and a signed-out caller", async () => {
    const callId = await recordCall("bo");
    session.user = { id: "ana" };
    expect(await rateSuggestion({ callId, rating: -1, reason: null })).toMatchObject({ ok: false, error: expect.stringMatching(/can't be rated/) });
    expect(await rateSuggestion({ callId, rating: 5 })).toMatchObject({ ok: false, fieldErrors: { rating: expect.any(Array) } });
    session.user = null;
    expect(await rateSuggestion({ callId, rating: 1 })).toMatchObject({ ok: false });
    expect(await getAiCallForUser(callId, "bo")).toMatchObject({ feedbackRating: null });
  });
});
