// Distances between places, in kilometres. Used by the search query's bounding box, by unit
// tests and by the pages; no data and no packages, so client components may import it too.

export type Coordinates = { lat: number; lng: number };

const EARTH_RADIUS_KM = 6371;
// One degree of latitude is about 111.2 km everywhere; a degree of longitude shrinks with cos(lat).
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine formula), the same formula lib/db/queries/listings.ts runs in SQL. */
export function distanceKm(from: Coordinates, to: Coordinates): number {
  const dLat = radians(to.lat - from.lat);
  const dLng = radians(to.lng - from.lng);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The smallest latitude/longitude box that holds every point within `km` of `centre`: what the
 * index can narrow to before the exact distance is computed. (Not for circles that reach a pole
 * or cross the 180° meridian; Trova's gazetteer is Ireland.)
 */
export function boundingBox(centre: Coordinates, km: number) {
  const dLat = km / KM_PER_DEGREE;
  const dLng = km / (KM_PER_DEGREE * Math.cos(radians(centre.lat)));
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng };
}

/**
 * A browser's position rounded to 0.01°: about 1.1 km north–south and 0.7 km east–west in
 * Ireland. Enough to sort by distance, too coarse to point at a house; Trova never stores it.
 */
export function coarsenCoordinates({ lat, lng }: Coordinates): Coordinates {
  return { lat: Math.round(lat * 100) / 100, lng: Math.round(lng * 100) / 100 };
}

/** "Under 1 km away", "12 km away", "140 km away". */
export function formatDistance(km: number): string {
  if (km < 1) return "Under 1 km away";
  return `${Math.round(km).toLocaleString("en-IE")} km away`;
}
