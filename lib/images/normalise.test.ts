import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeJpeg, makePng, makePngBomb } from "@/lib/testing/images";
import { ImageRejectedError } from "./errors";
import { FULL_SIZE, normaliseImage, THUMB_SIZE } from "./normalise";

describe("normaliseImage", () => {
  it("stores a JPEG as WebP with a thumbnail", async () => {
    const result = await normaliseImage(await makeJpeg(640, 480));
    expect(result.originalType).toBe("image/jpeg");
    expect((await sharp(result.full).metadata()).format).toBe("webp");
    expect([result.width, result.height]).toEqual([640, 480]);
    const thumb = await sharp(result.thumb).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(THUMB_SIZE);
  });

  it("strips EXIF including GPS", async () => {
    const original = await makeJpeg(400, 300, { gps: true });
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const result = await normaliseImage(original);
    const stored = await sharp(result.full).metadata();
    expect(stored.exif).toBeUndefined();
    expect(result.full.includes(Buffer.from("Secret Model"))).toBe(false);
  });

  it("applies the camera's orientation", async () => {
    const result = await normaliseImage(await makeJpeg(400, 200, { orientation: 6 }));
    expect([result.width, result.height]).toEqual([200, 400]);
  });

  it("shrinks large photos to the stored size", async () => {
    const result = await normaliseImage(await makeJpeg(4000, 3000));
    expect(result.width).toBe(FULL_SIZE);
    expect(result.height).toBe(1200);
  });

  it("reads PNG", async () => {
    expect((await normaliseImage(await makePng())).originalType).toBe("image/png");
  });

  it.each([
    ["an empty file", Buffer.alloc(0), /empty/],
    ["a text file named .jpg", Buffer.from("hello, this is not a photo"), /not a photo/],
    ["an HTML file", Buffer.from("<html><script>alert(1)</script></html>"), /not a photo/],
    ["an SVG with a script", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /not a photo/],
    ["a decompression bomb", makePngBomb(), /too many pixels/],
  ])("refuses %s with a clear message", async (_name, bytes, message) => {
    const refusal = normaliseImage(bytes);
    await expect(refusal).rejects.toBeInstanceOf(ImageRejectedError);
    await expect(refusal).rejects.toThrow(message);
  });

  it("refuses a truncated JPEG", async () => {
    const whole = await makeJpeg(800, 600);
    await expect(normaliseImage(whole.subarray(0, Math.floor(whole.length / 2)))).rejects.toThrow(/damaged/);
  });

  it("refuses a file over the size limit before decoding it", async () => {
    const huge = Buffer.alloc(16 * 1024 * 1024, 0xff);
    await expect(normaliseImage(huge)).rejects.toThrow(/larger than 15 MB/);
  });
});
