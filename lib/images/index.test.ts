import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getImageById } from "@/lib/db/queries/images";
import { dataDir } from "@/lib/env";
import { makeJpeg } from "@/lib/testing/images";
import { fullCopiesStored, readPhotoForModel, storeUploadedImage, storageFileName } from "./index";
import { getImageStorage, useImageStorageForTests } from "./storage";

function uploadedFiles(): string[] {
  const root = path.join(dataDir, "uploads");
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe("storeUploadedImage", () => {
  it("stores the full image and thumbnail and records them", async () => {
    const result = await storeUploadedImage(await makeJpeg(), null);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await getImageById(result.image.id)).toMatchObject({ storageKey: result.image.storageKey, width: 640 });
    const storage = getImageStorage();
    expect(await storage.get(storageFileName(result.image.storageKey, "full"))).not.toBeNull();
    expect(await storage.get(storageFileName(result.image.storageKey, "thumb"))).not.toBeNull();
  });

  it("writes nothing when the upload is refused", async () => {
    const before = uploadedFiles().length;
    const result = await storeUploadedImage(Buffer.from("just some text pretending to be a photo"), null);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/not a photo/) });
    expect(uploadedFiles().length).toBe(before);
  });
});

describe("an upload that answers before its full copy is written (the sell page's)", () => {
  it("gives a pre-fill a JPEG of the same pixels at once, then stores the WebP and records its size", async () => {
    const withGps = await makeJpeg(640, 480, { gps: true });
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    const result = await storeUploadedImage(withGps, null, { fullCopy: "after" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const storage = getImageStorage();
    expect(await storage.get(storageFileName(result.image.storageKey, "thumb"))).not.toBeNull();
    const forModel = await readPhotoForModel(result.image);
    expect(forModel?.mediaType).toBe("image/jpeg");
    const model = await sharp(forModel!.bytes).metadata();
    expect(model).toMatchObject({ format: "jpeg", width: result.image.width, height: result.image.height });
    expect(model.exif).toBeUndefined();
    expect(await fullCopiesStored([result.image.id])).toBe(true);
    const full = await storage.get(storageFileName(result.image.storageKey, "full"));
    expect((await sharp(full!).metadata()).format).toBe("webp");
    expect((await getImageById(result.image.id))?.bytes).toBe(full?.length);
  });

  it("waits on another node for a full copy still being written there, a few seconds at most", async () => {
    const result = await storeUploadedImage(await makeJpeg(), null);
    if (!result.ok) throw new Error(result.error);
    const storage = getImageStorage();
    const file = storageFileName(result.image.storageKey, "full");
    const bytes = (await storage.get(file))!;
    // As this node sees a copy that another node has not written yet.
    await storage.delete(file);
    const later = setTimeout(() => void storage.put(file, bytes), 300);
    try {
      expect(await readPhotoForModel(result.image)).toEqual({ bytes, mediaType: "image/webp" });
    } finally {
      clearTimeout(later);
    }
    // An old image whose file is gone is asked for once, not waited for.
    await storage.delete(file);
    let gets = 0;
    useImageStorageForTests({ ...storage, get: (key: string) => ((gets += 1), storage.get(key)), put: storage.put.bind(storage), delete: storage.delete.bind(storage), copy: storage.copy.bind(storage) });
    try {
      expect(await readPhotoForModel({ ...result.image, createdAt: new Date(Date.now() - 60_000) })).toBeNull();
      expect(gets).toBe(1);
    } finally {
      useImageStorageForTests(undefined);
    }
  });
});
