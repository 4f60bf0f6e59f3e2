import { describe, expect, it } from "vitest";
import { expandSynonyms } from "./synonyms";

describe("expandSynonyms", () => {
  it("adds each synonym of a word, the query as typed first", () => {
    expect(expandSynonyms("bicycle")).toEqual(["bicycle", "bike", "cycle"]);
    expect(expandSynonyms("grey Sofa")).toEqual(["grey Sofa", "grey couch", "grey settee"]);
    expect(expandSynonyms("TV stand")).toEqual(["TV stand", "television stand"]);
  });

  it("leaves other words, exclusions and an empty query alone", () => {
    expect(expandSynonyms("oak table")).toEqual(["oak table"]);
    expect(expandSynonyms("chair -sofa")).toEqual(["chair -sofa"]);
    expect(expandSynonyms("")).toEqual([""]);
  });

  it("keeps a quoted synonym quoted and caps the variants", () => {
    expect(expandSynonyms('"tv"')).toEqual(['"tv"', '"television"']);
    expect(expandSynonyms("bike sofa tv pram").length).toBeLessThanOrEqual(8);
  });
});
