import { describe, expect, it } from "vitest";
import { effectiveSort, listingSearchHref, parseListingSearch, searchRadiusKm } from "./search-params";

describe("near and km in the URL", () => {
  it("reads a place and a radius, keeping the radius within 1–200 km", () => {
    expect(parseListingSearch({ near: " Galway ", km: "25" })).toMatchObject({ near: "Galway", km: 25 });
    expect(parseListingSearch({ near: "Galway", km: "99999" }).km).toBe(200);
    expect(parseListingSearch({ near: "Galway", km: "-4" }).km).toBe(1);
    expect(parseListingSearch({ near: "Galway", km: "lots" }).km).toBeUndefined();
    expect(searchRadiusKm(parseListingSearch({ near: "Galway" }))).toBe(25);
    expect(parseListingSearch({ near: "x".repeat(500) }).near).toBeUndefined();
  });

  it("sorts nearest first only with a place", () => {
    expect(effectiveSort({ near: "Galway", sort: "distance" })).toBe("distance");
    expect(effectiveSort({ sort: "distance" })).toBe("newest");
    expect(effectiveSort({ q: "bike", sort: "distance" })).toBe("relevance");
  });

  it("keeps the radius in links only beside a place", () => {
    expect(listingSearchHref({ q: "sofa", near: "Galway", km: 25 })).toBe("/?q=sofa&near=Galway&km=25");
    expect(listingSearchHref({ q: "sofa", km: 25 })).toBe("/?q=sofa");
  });
});
