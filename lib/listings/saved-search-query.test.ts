import { describe, expect, it } from "vitest";
import { describeSavedSearch, normaliseSearchQuery, savedSearchFilters } from "./saved-search-query";

describe("normaliseSearchQuery", () => {
  it("sorts keys, drops the page and empty values, and spells known filters one way", () => {
    expect(normaliseSearchQuery("?sort=price_asc&q=%20bike%20&page=3&min=010&max=&category=Sports")).toBe("category=Sports&min=10&q=bike&sort=price_asc");
  });

  it("gives the same string for the same search however it was written", () => {
    expect(normaliseSearchQuery({ q: "bike", category: "Sports" })).toBe(normaliseSearchQuery("category=Sports&q=bike&page=1"));
  });

  it("keeps parameters it does not know, so filters added later still apply", () => {
    expect(normaliseSearchQuery("q=desk&near=Dublin&radius=10")).toBe("near=Dublin&q=desk&radius=10");
  });

  it("drops known filters with values the results page ignores too", () => {
    expect(normaliseSearchQuery("category=Spaceships&condition=mint&min=-4&q=lamp")).toBe("q=lamp");
  });

  it("refuses a query too long to keep", () => {
    const many = Array.from({ length: 20 }, (_, index) => `extra${index}=${"x".repeat(100)}`).join("&");
    expect(normaliseSearchQuery(many)).toBeNull();
  });
});

describe("savedSearchFilters", () => {
  it("reads the filters the SQL prefilter tests, prices in cents", () => {
    expect(savedSearchFilters("category=Sports&max=99.5&q=bike")).toEqual({
      q: "bike",
      category: "Sports",
      condition: null,
      minCents: null,
      maxCents: 9950,
      nearLat: null,
      nearLng: null,
      nearKm: null,
    });
    expect(savedSearchFilters("near=Galway")).toMatchObject({ nearLat: expect.closeTo(53.27, 1), nearLng: expect.closeTo(-9.05, 1), nearKm: 25 });
  });
});

describe("describeSavedSearch", () => {
  it("says the filters in words", () => {
    expect(describeSavedSearch("category=Sports&condition=good&max=100&min=10&q=bike")).toBe("“bike” · Sports · €10–€100 · Good");
    expect(describeSavedSearch("km=10&near=Cork&q=sofa")).toBe("“sofa” · within 10 km of Cork");
    expect(describeSavedSearch("colour=red")).toBe("1 more filter");
    expect(describeSavedSearch("")).toBe("Everything new");
  });
});
