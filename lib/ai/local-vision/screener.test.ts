import { afterAll, describe, expect, it } from "vitest";
import { makeJpeg } from "@/lib/testing/images";
import { stopDetector } from "./detector";
import { readScreening, screenPhoto, SCREEN_CLASSES } from "./screener";

describe("readScreening", () => {
  it("scores explicit as Porn plus Hentai, leaving Sexy out", () => {
    const output = Float32Array.from(SCREEN_CLASSES.map((name) => ({ Drawing: 0.05, Hentai: 0.1, Neutral: 0.1, Porn: 0.25, Sexy: 0.5 })[name]));
    const screening = readScreening(output);
    expect(screening.explicit).toBeCloseTo(0.35, 5);
    expect(screening.classes.Sexy).toBeCloseTo(0.5, 5);
  });
});

describe("screenPhoto (the real classifier, in the detector process)", () => {
  afterAll(() => stopDetector());

  it("gives a plain photo five probabilities that add up to one and a low explicit score", async () => {
    const screening = await screenPhoto(await makeJpeg(320, 240));
    const total = Object.values(screening.classes).reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(1, 2);
    expect(screening.explicit).toBeLessThan(0.5);
  }, 60_000);
});
