import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { user } from "@/lib/db/schema";
import { getSellerListings } from "@/lib/db/queries/seller-listings";
import { createListing, uploadListingPhoto } from "./actions";

const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
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

const details = { title: "Blue armchair", description: "", category: "Furniture", condition: "good", price: "45" };

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
