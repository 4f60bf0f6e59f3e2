import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { dominantColour, nameColour } from "./colour";
import { FRAME_SIZE, framePhoto } from "./frame";

describe("nameColour", () => {
  it("names plain colours as a seller would", () => {
    expect(nameColour(10, 10, 12)).toBe("black");
    expect(nameColour(245, 245, 240)).toBe("white");
    expect(nameColour(128, 130, 128)).toBe("grey");
    expect(nameColour(200, 30, 30)).toBe("red");
    expect(nameColour(30, 80, 200)).toBe("blue");
    expect(nameColour(40, 160, 60)).toBe("green");
    expect(nameColour(240, 210, 40)).toBe("yellow");
    expect(nameColour(120, 70, 30)).toBe("brown");
    expect(nameColour(190, 140, 90)).toBe("brown");
    expect(nameColour(250, 130, 10)).toBe("orange");
    expect(nameColour(250, 170, 200)).toBe("pink");
  });
});

/** A photo drawn for the test, put through the detector's pre-processing. */
async function framed(svg: string) {
  return framePhoto(await sharp(Buffer.from(svg)).png().toBuffer());
}

const wholeFrame = { x1: 0, y1: 0, x2: FRAME_SIZE, y2: FRAME_SIZE };

describe("dominantColour", () => {
  it("is the colour filling the middle of the item's box", async () => {
    const frame = await framed(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
      <rect width="400" height="400" fill="#f2f2f2"/><rect x="100" y="100" width="200" height="200" fill="#1a1a1a"/></svg>`);
    // The square lands in the middle of the frame: about 179 to 333 px each way.
    expect(dominantColour(frame, { x1: 179, y1: 179, x2: 333, y2: 333 })).toBe("black");
  });

  it("sees past the background showing through an item (a red frame, the grey wall behind it)", async () => {
    // In the middle of the frame's box, the wall seen through it covers more than the frame itself.
    const frame = await framed(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
      <rect width="400" height="400" fill="#9a9a9a"/>
      <rect x="100" y="100" width="200" height="200" stroke="#c01818" stroke-width="90" fill="none"/></svg>`);
    expect(dominantColour(frame, { x1: 126, y1: 126, x2: 386, y2: 386 })).toBe("red");
  });

  it("says nothing when no colour clearly dominates", async () => {
    const stripes = Array.from({ length: 8 }, (_, index) => `<rect x="${index * 50}" width="50" height="400" fill="${["#c01818", "#1830c0", "#18a030", "#e0c020"][index % 4]}"/>`).join("");
    const frame = await framed(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">${stripes}</svg>`);
    expect(dominantColour(frame, wholeFrame)).toBeNull();
  });
});
