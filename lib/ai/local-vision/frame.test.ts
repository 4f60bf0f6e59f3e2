import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeJpeg } from "@/lib/testing/images";
import { FRAME_BORDER, FRAME_SIZE, framePhoto, NEUTRAL_GREY } from "./frame";

const pixelAt = (frame: Buffer, x: number, y: number) => {
  const index = (y * FRAME_SIZE + x) * 3;
  return { r: frame[index], g: frame[index + 1], b: frame[index + 2] };
};

describe("framePhoto (the detector's input)", () => {
  it("is 512 × 512 RGB, the photo whole in the middle, a neutral border around it", async () => {
    const frame = await framePhoto(await makeJpeg(640, 640));
    expect(frame.length).toBe(FRAME_SIZE * FRAME_SIZE * 3);
    const border = Math.floor(FRAME_SIZE * FRAME_BORDER);
    expect(pixelAt(frame, 0, 0)).toEqual(NEUTRAL_GREY);
    expect(pixelAt(frame, border - 2, FRAME_SIZE / 2)).toEqual(NEUTRAL_GREY);
    expect(pixelAt(frame, FRAME_SIZE - border + 2, FRAME_SIZE / 2)).toEqual(NEUTRAL_GREY);
    // makeJpeg is orange (200, 80, 40); JPEG may shift it by a few levels.
    const centre = pixelAt(frame, FRAME_SIZE / 2, FRAME_SIZE / 2);
    expect(Math.abs(centre.r - 200) + Math.abs(centre.g - 80) + Math.abs(centre.b - 40)).toBeLessThan(15);
  });

  it("shrinks a wide photo without cropping it: grey above and below, photo edge to edge across", async () => {
    const frame = await framePhoto(await makeJpeg(1600, 800));
    const middle = FRAME_SIZE / 2;
    const border = Math.ceil(FRAME_SIZE * FRAME_BORDER);
    expect(pixelAt(frame, border + 2, middle)).not.toEqual(NEUTRAL_GREY);
    expect(pixelAt(frame, FRAME_SIZE - border - 3, middle)).not.toEqual(NEUTRAL_GREY);
    // The photo is half as tall as it is wide: a quarter of the inner square above it is grey.
    expect(pixelAt(frame, middle, border + 20)).toEqual(NEUTRAL_GREY);
    expect(pixelAt(frame, middle, FRAME_SIZE - border - 20)).toEqual(NEUTRAL_GREY);
  });

  it("puts a transparent background on the neutral grey", async () => {
    const png = await sharp({ create: { width: 300, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const frame = await framePhoto(png);
    expect(pixelAt(frame, FRAME_SIZE / 2, FRAME_SIZE / 2)).toEqual(NEUTRAL_GREY);
  });

  it("refuses bytes that are not an image", async () => {
    await expect(framePhoto(Buffer.from("not a photo"))).rejects.toThrow();
  });
});
