import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { getSellerListings } from "@/lib/db/queries/seller-listings";
import { aiCalls, images, listings, user } from "@/lib/db/schema";
import { dataDir } from "@/lib/env";
import { storeUploadedImage } from "@/lib/images";
import { getImageStorage } from "@/lib/images/storage";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { makeJpeg } from "@/lib/testing/images";
import { createListing } from "./actions";

// Publishing is all or nothing. Photos are stored when chosen (each with its row); the listing
// and the links to its photos are written in one transaction. A failure at any step leaves no
// half listing, no file without its row, and the seller's photos ready for the next attempt.

const faults = vi.hoisted(() => ({ insertImage: false, linkCall: false }));
vi.mock("@/lib/db/queries/images", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db/queries/images")>();
  return {
    ...original,
    insertImage: async (...args: Parameters<typeof original.insertImage>) => {
      if (faults.insertImage) throw new Error("connection terminated unexpectedly");
      return original.insertImage(...args);
    },
  };
});
vi.mock("@/lib/db/queries/ai-calls", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db/queries/ai-calls")>();
  return {
    ...original,
    linkAiCallToListing: async (...args: Parameters<typeof original.linkAiCallToListing>) => {
      if (faults.linkCall) throw new Error("connection terminated unexpectedly");
      return original.linkAiCallToListing(...args);
    },
  };
});
const session = vi.hoisted(() => ({ user: { id: "seller" } as { id: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
// The saved-search match and notifications run after the response; here there is no response.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (read: unknown) => read }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));

const details = { title: "Walnut side table", description: "Solid walnut.", category: "Furniture", condition: "good", price: "80", place: "Cork" };

/** Stored files that no images row points at: what a half-done publish would leave behind. */
async function orphanFiles(): Promise<string[]> {
  const root = path.join(dataDir, "uploads");
  if (!fs.existsSync(root)) return [];
  const db = await getDb();
  const keys = new Set((await db.select({ key: images.storageKey }).from(images)).map((row) => row.key));
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .filter((name) => !keys.has(name.replace(/(-thumb)?\.webp$/, "")));
}

async function photo(owner = "seller"): Promise<string> {
  const stored = await storeUploadedImage(await makeJpeg(64, 48), owner);
  if (!stored.ok) throw new Error(stored.error);
  return stored.image.id;
}

async function photoRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(images).where(eq(images.id, id));
  return row;
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller", name: "Seller", email: "seller@example.com" },
    { id: "other", name: "Other", email: "other@example.com" },
  ]);
});

beforeEach(() => {
  session.user = { id: "seller" };
});

afterEach(() => {
  faults.insertImage = false;
  faults.linkCall = false;
  vi.restoreAllMocks();
});

describe("storing a photo", () => {
  it("removes the files it wrote when the database refuses the row", async () => {
    faults.insertImage = true;
    await expect(storeUploadedImage(await makeJpeg(64, 48), "seller")).rejects.toThrow(/connection terminated/);
    expect(await orphanFiles()).toEqual([]);
  });

  it("removes the first file when writing the second fails (a full disk)", async () => {
    const storage = getImageStorage();
    const put = storage.put.bind(storage);
    let writes = 0;
    vi.spyOn(storage, "put").mockImplementation(async (key, bytes) => {
      writes += 1;
      if (writes === 2) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      return put(key, bytes);
    });
    await expect(storeUploadedImage(await makeJpeg(64, 48), "seller")).rejects.toThrow(/ENOSPC/);
    expect(writes).toBe(2);
    expect(await orphanFiles()).toEqual([]);
  });
});

describe("publishing", () => {
  it("rolls back the listing when a photo cannot be attached half way, and the retry publishes once", async () => {
    const [first, foreign] = [await photo(), await photo("other")];
    const before = (await getSellerListings("seller")).length;
    const refused = await createListing({ ...details, photoIds: [first, foreign] });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { photoIds: [expect.stringMatching(/can't be used/)] } });
    expect(await getSellerListings("seller")).toHaveLength(before);
    // The first photo was attached inside the transaction; the rollback let it go again.
    expect(await photoRow(first)).toMatchObject({ listingId: null, ownerId: "seller" });
    expect(await orphanFiles()).toEqual([]);

    await expect(createListing({ ...details, photoIds: [first] })).rejects.toThrow(/^redirect:\/listings\//);
    const mine = await getSellerListings("seller");
    expect(mine.filter((listing) => listing.title === details.title)).toHaveLength(1);
  });

  it("leaves no listing when the database fails after the listing row is written", async () => {
    const photoId = await photo();
    const callId = crypto.randomUUID();
    const db = await getDb();
    await db.insert(aiCalls).values({ id: callId, feature: "listing-prefill", userId: "seller", provider: "mock", modelId: "mock:fixture", status: "ok", output: DEFAULT_FIXTURE, latencyMs: 200 });
    const title = "Oak bookshelf, half published";
    faults.linkCall = true;
    await expect(createListing({ ...details, title, photoIds: [photoId], fromSuggestion: { callId, details: { brand: "", colour: "", material: "", size: "" } } })).rejects.toThrow(
      /connection terminated/,
    );
    expect(await db.select().from(listings).where(eq(listings.title, title))).toEqual([]);
    expect(await photoRow(photoId)).toMatchObject({ listingId: null });
    expect((await db.select().from(aiCalls).where(eq(aiCalls.id, callId)))[0].listingId).toBeNull();
    expect(await orphanFiles()).toEqual([]);
  });

  it("stores nothing at all when the seller's session has ended", async () => {
    const photoId = await photo();
    session.user = null;
    const before = await (await getDb()).select({ id: listings.id }).from(listings);
    expect(await createListing({ ...details, photoIds: [photoId] })).toMatchObject({ ok: false });
    expect(await (await getDb()).select({ id: listings.id }).from(listings)).toEqual(before);
  });
});
