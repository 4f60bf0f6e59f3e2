import { describe, expect, it } from "vitest";
import { countPlaces, findPlace, resolveNear, suggestPlaces } from "./gazetteer";

describe("the gazetteer", () => {
  it("holds the island of Ireland's towns of 1,000 people or more, and nothing else", () => {
    expect(countPlaces()).toBeGreaterThan(400);
    expect(countPlaces()).toBeLessThan(600);
    expect(findPlace("Belfast")?.country).toBe("GB");
    expect(findPlace("London")).toBeNull();
  });

  it("finds a town by name in any case and accents, and by its Irish name", () => {
    expect(findPlace("galway")).toMatchObject({ label: "Galway", country: "IE" });
    expect(findPlace("Gaillimh")?.label).toBe("Galway");
    expect(findPlace("dun laoghaire")?.label).toBe("Dún Laoghaire");
    expect(findPlace("Atlantis")).toBeNull();
  });

  it("tells towns that share a name apart, and a bare name gives the largest", () => {
    const blackrocks = suggestPlaces("Blackrock").map((place) => place.label);
    expect(blackrocks).toEqual(expect.arrayContaining([expect.stringMatching(/^Blackrock \(near .+\)$/)]));
    expect(new Set(blackrocks).size).toBe(blackrocks.length);
    expect(findPlace("Blackrock")?.population).toBeGreaterThanOrEqual(findPlace(blackrocks[1])!.population);
    for (const label of blackrocks) expect(findPlace(label)?.label).toBe(label);
  });

  it("suggests a few towns for what has been typed, largest first", () => {
    const suggestions = suggestPlaces("gal");
    expect(suggestions[0].label).toBe("Galway");
    expect(suggestions.length).toBeLessThanOrEqual(6);
    expect(suggestPlaces("Trim").map((place) => place.label)).toEqual(["Trim", "Newtown Trim"]);
    expect(suggestPlaces("  ")).toEqual([]);
  });

  it("centres a near search on a town or on a browser position, rounded to about a kilometre", () => {
    expect(resolveNear("Galway")).toMatchObject({ label: "Galway", fromBrowser: false });
    expect(resolveNear("53.27456,-9.04987")).toEqual({ lat: 53.27, lng: -9.05, label: "your location", fromBrowser: true });
    expect(resolveNear("95,10")).toBeNull();
    expect(resolveNear("nowhere at all")).toBeNull();
  });
});
