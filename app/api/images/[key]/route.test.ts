import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteListing } from "@/lib/sell/manage-listings";
import { getDb } from "@/lib/db/client";
import { aiCalls, images, listings, user } from "@/lib/db/schema";
import { copyImageUnowned, storageFileName, storeUploadedImage } from "@/lib/images";
import { deleteStaleUploads } from "@/lib/images/stale-uploads";
import { makeJpeg } from "@/lib/testing/images";
import { GET } from "./route";

const session = vi.hoisted(() => ({ user: null as { id: string; role: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const ANA = { id: "ana-photos", role: "user" };
const BO = { id: "bo-photos", role: "user" };
const ADMIN = { id: "admin-photos", role: "admin" };

async function fetchPhoto(storageKey: string, variant: "full" | "thumb" = "full") {
  const key = storageFileName(storageKey, variant);
  return GET(new Request(`http://localhost/api/images/${key}`), { params: Promise.resolve({ key }) });
}

async function upload(ownerId: string) {
  const stored = await storeUploadedImage(await makeJpeg(64, 48), ownerId);
  if (!stored.ok) throw new Error(stored.error);
  return stored.image;
}

let listingId: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: ANA.id, name: "Ana", email: "ana.photos@example.com" },
    { id: BO.id, name: "Bo", email: "bo.photos@example.com" },
    { id: ADMIN.id, name: "Root", email: "root.photos@example.com", role: "admin" },
  ]);
  const [listing] = await db.insert(listings).values({ sellerId: ANA.id, title: "Road bike", category: "Sports", condition: "good", priceCents: 30_000 }).returning();
  listingId = listing.id;
});

beforeEach(() => {
  session.user = null;
});

describe("GET /api/images/[key]", () => {
  it("serves a published listing's photo to anyone, cacheable", async () => {
    const photo = await upload(ANA.id);
    const db = await getDb();
    await db.update(images).set({ listingId }).where(eq(images.id, photo.id));
    for (const viewer of [null, BO]) {
      session.user = viewer;
      const response = await fetchPhoto(photo.storageKey, "thumb");
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    }
  });

  it("serves an unpublished upload only to its owner and admins, never to be stored", async () => {
    const photo = await upload(ANA.id);
    for (const viewer of [ANA, ADMIN]) {
      session.user = viewer;
      const response = await fetchPhoto(photo.storageKey);
      expect(response.status, viewer.id).toBe(200);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    }
    for (const viewer of [null, BO]) {
      session.user = viewer;
      const response = await fetchPhoto(photo.storageKey);
      // The same answer as for a name never used: nothing confirms the photo exists.
      expect(response.status, String(viewer?.id)).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("serves an AI call's input photo whose uploader is gone, and an evaluation copy, only to admins", async () => {
    const photo = await upload(BO.id);
    const db = await getDb();
    await db.insert(aiCalls).values({ feature: "listing-prefill", userId: BO.id, provider: "mock", modelId: "mock:fixture", status: "ok", latencyMs: 10, imageIds: [photo.id] });
    await db.update(images).set({ ownerId: null }).where(eq(images.id, photo.id));
    const evalCopy = await copyImageUnowned(photo);
    for (const storageKey of [photo.storageKey, evalCopy.storageKey]) {
      session.user = ADMIN;
      expect((await fetchPhoto(storageKey)).status).toBe(200);
      for (const viewer of [null, BO, ANA]) {
        session.user = viewer;
        expect((await fetchPhoto(storageKey)).status).toBe(404);
      }
    }
  });

  it("stops serving a deleted listing's photos at once", async () => {
    const db = await getDb();
    const [listing] = await db.insert(listings).values({ sellerId: ANA.id, title: "Kettle", category: "Home & Garden", condition: "good", priceCents: 1_000 }).returning();
    const photo = await upload(ANA.id);
    await db.update(images).set({ listingId: listing.id }).where(eq(images.id, photo.id));
    expect((await fetchPhoto(photo.storageKey)).status).toBe(200);
    expect(await deleteListing(ANA.id, listing.id)).toEqual({ ok: true });
    for (const viewer of [null, ANA, ADMIN]) {
      session.user = viewer;
      expect((await fetchPhoto(photo.storageKey)).status).toBe(404);
      expect((await fetchPhoto(photo.storageKey, "thumb")).status).toBe(404);
    }
  });

  it("answers 404 for names that are not photos", async () => {
    session.user = ADMIN;
    for (const key of ["../auth-secret", "x.png", "AUTH.webp", `${crypto.randomUUID()}.webp`]) {
      expect((await GET(new Request("http://localhost/api/images/x"), { params: Promise.resolve({ key }) })).status).toBe(404);
    }
  });
});

describe("unpublished uploads", () => {
  it("are deleted after a day, unless a listing, an AI call or an evaluation uses them", async () => {
    const db = await getDb();
    const stale = await upload(ANA.id);
    const fresh = await upload(ANA.id);
    const published = await upload(ANA.id);
    const analysed = await upload(ANA.id);
    const dayAndAMinuteAgo = new Date(Date.now() - (24 * 60 + 1) * 60 * 1000);
    await db.update(images).set({ createdAt: dayAndAMinuteAgo }).where(eq(images.id, stale.id));
    await db.update(images).set({ createdAt: dayAndAMinuteAgo, listingId }).where(eq(images.id, published.id));
    await db.update(images).set({ createdAt: dayAndAMinuteAgo }).where(eq(images.id, analysed.id));
    await db.insert(aiCalls).values({ feature: "listing-prefill", userId: ANA.id, provider: "mock", modelId: "mock:fixture", status: "ok", latencyMs: 10, imageIds: [analysed.id] });

    expect(await deleteStaleUploads()).toBeGreaterThanOrEqual(1);
    const left = new Set((await db.select({ id: images.id }).from(images)).map((row) => row.id));
    expect(left.has(stale.id)).toBe(false);
    expect([fresh, published, analysed].every((image) => left.has(image.id))).toBe(true);
    session.user = ANA;
    expect((await fetchPhoto(stale.storageKey)).status).toBe(404);
    expect((await fetchPhoto(fresh.storageKey)).status).toBe(200);
  });
});
