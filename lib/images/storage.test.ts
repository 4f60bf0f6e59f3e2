import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { images } from "@/lib/db/schema";
import { dataDir } from "@/lib/env";
import { startLocalS3Server, type LocalS3Server } from "@/lib/fleet/s3-server";
import { makeJpeg } from "@/lib/testing/images";
import { copyImageFiles, deleteImageFiles, fullCopiesStored, STORAGE_UNAVAILABLE_MESSAGE, storageFileName, storeUploadedImage } from "./index";
import { ImageStorageUnavailableError, S3Storage, useImageStorageForTests } from "./storage";

// The real AWS SDK client against a real S3 API server (s3rver) in this process.
let server: LocalS3Server;
let storage: S3Storage;

function storageFor(s3: LocalS3Server, endpoint = s3.endpoint) {
  return new S3Storage({
    bucket: s3.bucket,
    region: s3.region,
    endpoint,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
}

async function imageRowCount(): Promise<number> {
  const [row] = await (await getDb()).select({ rows: count() }).from(images);
  return row.rows;
}

beforeAll(async () => {
  server = await startLocalS3Server({ directory: path.join(dataDir, "s3") });
  storage = storageFor(server);
  useImageStorageForTests(storage);
});

afterAll(async () => {
  useImageStorageForTests(undefined);
  await server.stop();
});

describe("S3Storage", () => {
  it("puts, gets, copies and deletes objects", async () => {
    const bytes = Buffer.from("not really webp, but bytes are bytes");
    await storage.put("abc-1.webp", bytes);
    expect(await storage.get("abc-1.webp")).toEqual(bytes);
    await storage.copy("abc-1.webp", "abc-2.webp");
    await storage.delete("abc-1.webp");
    expect(await storage.get("abc-1.webp")).toBeNull();
    expect(await storage.get("abc-2.webp")).toEqual(bytes);
    // Deleting twice is fine, as on disk.
    await storage.delete("abc-1.webp");
  });

  it("answers null for a key it does not hold and refuses keys Trova never makes", async () => {
    expect(await storage.get("missing.webp")).toBeNull();
    await expect(storage.put("../escape.webp", Buffer.from("x"))).rejects.toThrow(/Invalid storage key/);
  });

  it("keeps the object in the bucket, not on the node's disk", async () => {
    const stored = await storeUploadedImage(await makeJpeg(), null);
    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    expect(fs.existsSync(path.join(dataDir, "uploads"))).toBe(false);
    const other = storageFor(server);
    expect((await other.get(storageFileName(stored.image.storageKey, "thumb")))?.length).toBeGreaterThan(0);

    const copyKey = await copyImageFiles(stored.image.storageKey);
    expect(await other.get(storageFileName(copyKey, "full"))).toEqual(await other.get(storageFileName(stored.image.storageKey, "full")));
    await deleteImageFiles([stored.image.storageKey, copyKey]);
    expect(await other.get(storageFileName(stored.image.storageKey, "full"))).toBeNull();
    expect(await other.get(storageFileName(copyKey, "thumb"))).toBeNull();
  });
});

describe("a storage outage while uploading", () => {
  it("gives the seller a sentence and records nothing", async () => {
    const down = await startLocalS3Server({ directory: path.join(dataDir, "s3-down") });
    const unreachable = storageFor(down);
    await down.stop();
    useImageStorageForTests(unreachable);
    try {
      const rowsBefore = await imageRowCount();
      const result = await storeUploadedImage(await makeJpeg(), null);
      expect(result).toEqual({ ok: false, error: STORAGE_UNAVAILABLE_MESSAGE });
      expect(await imageRowCount()).toBe(rowsBefore);
      await expect(unreachable.get("abc.webp")).rejects.toBeInstanceOf(ImageStorageUnavailableError);
      // Removing files of an already deleted row does not fail the seller's deletion.
      await expect(deleteImageFiles(["abc"])).resolves.toBeUndefined();
    } finally {
      useImageStorageForTests(storage);
    }
  });

  /** The real bucket, except that the puts `fails` picks are refused; `written` lists the others. */
  function storageFailingOn(fails: (key: string, putNumber: number) => boolean) {
    let puts = 0;
    const written: string[] = [];
    const failing = {
      put: async (key: string, bytes: Buffer) => {
        if (fails(key, ++puts)) throw new ImageStorageUnavailableError("put", key, new Error("connection reset"));
        written.push(key);
        await storage.put(key, bytes);
      },
      get: (key: string) => storage.get(key),
      delete: (key: string) => storage.delete(key),
      copy: (from: string, to: string) => storage.copy(from, to),
    };
    return { failing, written };
  }

  it("removes the full image when the thumbnail cannot be written", async () => {
    const { failing, written } = storageFailingOn((_key, putNumber) => putNumber === 2);
    useImageStorageForTests(failing);
    try {
      const result = await storeUploadedImage(await makeJpeg(), null);
      expect(result).toEqual({ ok: false, error: STORAGE_UNAVAILABLE_MESSAGE });
      expect(written).toHaveLength(1);
      expect(await storage.get(written[0])).toBeNull();
      const [row] = await (await getDb()).select({ rows: count() }).from(images).where(eq(images.storageKey, written[0].replace(/\.webp$/, "")));
      expect(row.rows).toBe(0);
    } finally {
      useImageStorageForTests(storage);
    }
  });

  it("removes a photo whose full copy cannot be written after the upload answered, so no listing keeps it", async () => {
    const { failing, written } = storageFailingOn((key) => !key.endsWith("-thumb.webp"));
    useImageStorageForTests(failing);
    try {
      const result = await storeUploadedImage(await makeJpeg(), null, { fullCopy: "after" });
      // The seller had the thumbnail at once; the full copy failed after.
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(written).toEqual([storageFileName(result.image.storageKey, "thumb")]);
      expect(await fullCopiesStored([result.image.id])).toBe(false);
      const [row] = await (await getDb()).select({ rows: count() }).from(images).where(eq(images.id, result.image.id));
      expect(row.rows).toBe(0);
      expect(await storage.get(written[0])).toBeNull();
    } finally {
      useImageStorageForTests(storage);
    }
  });
});
