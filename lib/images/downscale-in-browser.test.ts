import { describe, expect, it } from "vitest";
import { fitWithin, renameForType } from "./downscale-in-browser";

describe("fitWithin", () => {
  it("caps the longest side at 1600 px, keeping the proportions", () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(9000, 10)).toEqual({ width: 1600, height: 2 });
  });

  it("never enlarges a small photo", () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
});

describe("renameForType", () => {
  it("gives the file the extension of what it now holds", () => {
    expect(renameForType("IMG_1234.JPG", "image/webp")).toBe("IMG_1234.webp");
    expect(renameForType("scan.final.png", "image/jpeg")).toBe("scan.final.jpg");
    expect(renameForType(".png", "image/webp")).toBe("photo.webp");
  });
});
