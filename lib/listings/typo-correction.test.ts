import { describe, expect, it } from "vitest";
import { correctedQuery, trigramSimilarity } from "./typo-correction";

describe("correctedQuery", () => {
  it("takes each misspelt word for the closest word of the matched titles", () => {
    expect(correctedQuery("hedphones", ["Sony WH-1000XM4 wireless headphones"])).toBe("headphones");
    expect(correctedQuery("wireles hedphones", ["Sony wireless headphones"])).toBe("wireless headphones");
  });

  it("says nothing when every word was already right or nothing is close", () => {
    expect(correctedQuery("headphones", ["Sony headphones"])).toBeNull();
    expect(correctedQuery("xyz", ["Oak table"])).toBeNull();
  });

  it("scores like pg_trgm: identical words 1, unrelated ones 0", () => {
    expect(trigramSimilarity("sofa", "sofa")).toBe(1);
    expect(trigramSimilarity("sofa", "lamp")).toBe(0);
  });
});
