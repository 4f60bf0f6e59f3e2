import { describe, expect, it } from "vitest";
import { normalisedEditDistance } from "./heavy-edits";

describe("normalisedEditDistance", () => {
  it("is 0 for the same text, ignoring case and spacing", () => {
    expect(normalisedEditDistance("Blue ceramic vase", "  blue   Ceramic vase ")).toBe(0);
    expect(normalisedEditDistance("", "")).toBe(0);
  });

  it("is the edits over the longer text's length", () => {
    // kitten → sitting: 3 edits over 7 characters.
    expect(normalisedEditDistance("kitten", "sitting")).toBeCloseTo(3 / 7, 10);
    expect(normalisedEditDistance("", "Oak table")).toBe(1);
    expect(normalisedEditDistance("Blue ceramic vase", "Blue ceramic vase, hand-made")).toBeCloseTo(11 / 28, 10);
  });

  it("is symmetric", () => {
    expect(normalisedEditDistance("Road bike", "Racing bicycle")).toBe(normalisedEditDistance("Racing bicycle", "Road bike"));
  });
});
