import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { images, user } from "@/lib/db/schema";
import { dataDir } from "@/lib/env";
import { fullCopiesStored, storageFileName } from "@/lib/images";
import { getImageStorage } from "@/lib/images/storage";
import {
  makeAnimatedGif,
  makeHeic,
  makeHtmlJpegPolyglot,
  makeJpeg,
  makeJpegHtmlPolyglot,
  makePngBomb,
  POLYGLOT_PAYLOAD,
} from "@/lib/testing/images";
import { GET as getImage } from "@/app/api/images/[key]/route";
import { uploadListingPhoto } from "./actions";

// Hostile files through the sell page's upload action, the one door a photo comes in by. Each is
// refused with a sentence the seller can act on, or stored safely; nothing refused reaches storage.

const session = vi.hoisted(() => ({ user: { id: "uploader" } as { id: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (read: unknown) => read }));

const NOT_A_PHOTO = "That file is not a photo Trova can read. Use a JPEG, PNG, WebP or AVIF image.";
const DAMAGED = /could not be read; it may be damaged/;

function upload(bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.append("photo", new File([new Uint8Array(bytes)], name, { type }));
  return uploadListingPhoto(form);
}

function storedFileCount(): number {
  const root = path.join(dataDir, "uploads");
  if (!fs.existsSync(root)) return 0;
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

async function imageRowCount(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ rows: count() }).from(images).where(eq(images.ownerId, "uploader"));
  return row.rows;
}

async function storedFull(photoId: string): Promise<Buffer> {
  // The upload answers before its full copy is written (lib/images storeUploadedImage).
  expect(await fullCopiesStored([photoId])).toBe(true);
  const db = await getDb();
  const [row] = await db.select().from(images).where(eq(images.id, photoId));
  return (await getImageStorage().get(storageFileName(row.storageKey, "full")))!;
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values({ id: "uploader", name: "Uploader", email: "uploader@example.com" });
});

describe("hostile uploads are refused, and nothing refused is stored", () => {
  const truncatedJpeg = async () => {
    const whole = await makeJpeg(800, 600);
    return whole.subarray(0, Math.floor(whole.length / 2));
  };
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string, string, string | RegExp][] = [
    ["zero bytes", () => new Uint8Array(0), "empty.jpg", "image/jpeg", /That file is empty/],
    ["a truncated JPEG", truncatedJpeg, "half.jpg", "image/jpeg", DAMAGED],
    ["a text file named .jpg", () => Buffer.from("my shopping list, not a photo"), "photo.jpg", "image/jpeg", NOT_A_PHOTO],
    ["an HTML page named .png", () => Buffer.from("<!doctype html><script>alert(1)</script>"), "photo.png", "image/png", NOT_A_PHOTO],
    ["an SVG with a script", () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'), "chair.svg", "image/svg+xml", NOT_A_PHOTO],
    ["an HTML page with a JPEG inside (polyglot)", makeHtmlJpegPolyglot, "photo.jpg", "image/jpeg", NOT_A_PHOTO],
    ["a PNG claiming 50,000 × 50,000 pixels (decompression bomb)", () => makePngBomb(), "bomb.png", "image/png", /too many pixels \(over 50 megapixels\)/],
    ["a HEIC photo", makeHeic, "IMG_0001.HEIC", "image/heic", /HEIC photos can't be read here yet\. Save it as JPEG/],
    ["a 100 MB file", () => new Uint8Array(100 * 1024 * 1024).fill(0xff), "huge.jpg", "image/jpeg", /larger than 15 MB/],
  ];

  it.each(cases)("%s", async (_name, makeBytes, fileName, type, message) => {
    const [filesBefore, rowsBefore] = [storedFileCount(), await imageRowCount()];
    const result = await upload(await makeBytes(), fileName, type);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(storedFileCount()).toBe(filesBefore);
    expect(await imageRowCount()).toBe(rowsBefore);
  });

  it("reads only the header of a decompression bomb: memory stays flat", async () => {
    const bomb = makePngBomb();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 5; i++) expect((await upload(bomb, "bomb.png", "image/png")).ok).toBe(false);
    // Decoding it would need 7.5 GB; reading the header needs nothing worth measuring.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe("files that are photos, whatever else they carry, are stored clean", () => {
  it("keeps a JPEG with an HTML page appended as the photo only: the page is gone", async () => {
    const result = await upload(await makeJpegHtmlPolyglot(), "photo.jpg", "image/jpeg");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await storedFull(result.photo.id);
    expect((await sharp(stored).metadata()).format).toBe("webp");
    expect(stored.includes(Buffer.from("<script"))).toBe(false);
    expect(stored.includes(Buffer.from(POLYGLOT_PAYLOAD.slice(0, 12)))).toBe(false);
  });

  it("stores an animated GIF as its first frame, a still WebP", async () => {
    const result = await upload(await makeAnimatedGif(), "spinner.gif", "image/gif");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = sharp(await storedFull(result.photo.id));
    const metadata = await stored.metadata();
    expect(metadata.format).toBe("webp");
    expect(metadata.pages ?? 1).toBe(1);
    expect([metadata.width, metadata.height]).toEqual([40, 30]);
    const { dominant } = await stored.stats();
    expect(dominant.r).toBeGreaterThan(200);
    expect(dominant.g + dominant.b).toBeLessThan(60);
  });

  it("serves what it stored with its true type: WebP bytes, image/webp, no sniffing", async () => {
    const result = await upload(await makeJpegHtmlPolyglot(), "photo.jpg", "image/jpeg");
    if (!result.ok) throw new Error(result.error);
    const key = result.photo.thumbUrl.split("/").pop()!;
    const response = await getImage(new Request(`http://localhost${result.photo.thumbUrl}`), { params: Promise.resolve({ key }) });
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([bytes.toString("latin1", 0, 4), bytes.toString("latin1", 8, 12)]).toEqual(["RIFF", "WEBP"]);
  });

  it("refuses a signed-out uploader before reading the file", async () => {
    session.user = null;
    const result = await upload(await makeJpeg(), "photo.jpg", "image/jpeg");
    session.user = { id: "uploader" };
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/signed out/) });
  });
});
