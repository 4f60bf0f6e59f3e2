import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getImageById } from "@/lib/db/queries/images";
import { dataDir } from "@/lib/env";
import { makeJpeg } from "@/lib/testing/images";
import { storeUploadedImage, storageFileName } from "./index";
import { getImageStorage } from "./storage";

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
