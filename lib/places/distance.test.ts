import { describe, expect, it } from "vitest";
import { boundingBox, coarsenCoordinates, distanceKm, formatDistance } from "./distance";

const galway = { lat: 53.27245, lng: -9.05095 };
const dublin = { lat: 53.34399, lng: -6.26719 };

describe("distances", () => {
  it("measures Galway to Dublin as about 186 km, as the crow flies", () => {
    expect(distanceKm(galway, dublin)).toBeGreaterThan(180);
    expect(distanceKm(galway, dublin)).toBeLessThan(190);
    expect(distanceKm(galway, galway)).toBe(0);
  });

  it("draws a box that holds every point of the circle", () => {
    const box = boundingBox(galway, 25);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      // A point 24.9 km away in each direction (small-distance approximation).
      const dLat = (24.9 / 111.19) * Math.cos((bearing * Math.PI) / 180);
      const dLng = ((24.9 / 111.19) * Math.sin((bearing * Math.PI) / 180)) / Math.cos((galway.lat * Math.PI) / 180);
      const point = { lat: galway.lat + dLat, lng: galway.lng + dLng };
      expect(point.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(point.lat).toBeLessThanOrEqual(box.maxLat);
      expect(point.lng).toBeGreaterThanOrEqual(box.minLng);
      expect(point.lng).toBeLessThanOrEqual(box.maxLng);
    }
    expect(distanceKm(galway, { lat: box.maxLat, lng: galway.lng })).toBeCloseTo(25, 1);
  });

  it("coarsens a browser's position to 0.01°, about a kilometre", () => {
    const coarse = coarsenCoordinates({ lat: 53.274_987, lng: -9.049_123 });
    expect(coarse).toEqual({ lat: 53.27, lng: -9.05 });
    expect(distanceKm(coarse, { lat: 53.274_987, lng: -9.049_123 })).toBeLessThan(1);
  });

  it("says distances as a buyer reads them", () => {
    expect(formatDistance(0.4)).toBe("Under 1 km away");
    expect(formatDistance(12.4)).toBe("12 km away");
    expect(formatDistance(1234)).toBe("1,234 km away");
  });
});
