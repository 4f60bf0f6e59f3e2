import crypto from "node:crypto";
import pLimit from "p-limit";
import type { Image, NewListing } from "@/lib/db/schema";
import { vacuumCatalogueTables, deleteImageRows, insertCatalogueBatch } from "@/lib/db/queries/seed";
import { copyImageFiles, deleteImageFiles, storeUploadedImage } from "@/lib/images";
import { CATEGORIES, type Condition } from "@/lib/listings/options";
import { listPlaces, type Place } from "@/lib/places/gazetteer";
import { ensureAccounts } from "./accounts";
import { CATALOGUE_ITEMS, CONDITION_OPENERS, DESCRIPTION_MIDDLES, SELLER_NAMES, type CatalogueItem } from "./catalogue-vocabulary";
import { DEMO_PASSWORD } from "./demo-listings";
import { drawListingPhoto, type PhotoIcon } from "./photos";
import { pick, pickWeighted } from "./random";

const DAY_MS = 24 * 60 * 60 * 1000;

// Rows per multi-row insert: large enough that per-statement overhead vanishes, small enough
// to stay far below PostgreSQL's 65,535 bind parameters (about 10 per listing or photo row).
const BATCH_SIZE = 1000;
const COPY_CONCURRENCY = 16;

export const CATALOGUE_SELLERS = SELLER_NAMES.map((name, index) => ({
  name,
  email: `catalogue-seller-${String(index + 1).padStart(2, "0")}@example.com`,
}));

// Weights out of 100.
const CONDITION_WEIGHTS: [Condition, number][] = [["new", 5], ["like_new", 20], ["good", 45], ["fair", 22], ["for_parts", 8]];

/**
 * Adds `count` generated listings for performance work, each with one photo. A small pool of
 * photos (one per icon) goes through the upload pipeline once; every listing gets its own
 * stored copy of one of them, so deleting a listing never touches another's files.
 */
export async function seedCatalogue(count: number, onProgress?: (done: number) => void): Promise<void> {
  const sellerIds = await ensureAccounts(CATALOGUE_SELLERS, DEMO_PASSWORD);
  const pool = await storePhotoPool(sellerIds[0]);
  // A batch's copies are a thousand requests when photos live in object storage: a few at a time.
  const copies = pLimit(COPY_CONCURRENCY);
  try {
    const now = Date.now();
    // Towns weighted by the square root of their population: Dublin has the most listings, and a
    // town of 2,000 still has a few.
    const places: [Place, number][] = listPlaces().map((place) => [place, Math.sqrt(place.population)]);
    for (let done = 0; done < count; done += BATCH_SIZE) {
      const size = Math.min(BATCH_SIZE, count - done);
      const listings = Array.from({ length: size }, () => generateListing(sellerIds, now, pickWeighted(places)));
      const images = await Promise.all(
        listings.map(({ listing, icon }) => copies(async () => {
          const { storageKey, width, height, bytes, sha256, originalType } = pool.get(icon)!;
          const copyKey = await copyImageFiles(storageKey);
          return { storageKey: copyKey, width, height, bytes, sha256, originalType, ownerId: listing.sellerId, listingId: listing.id };
        })),
      );
      await insertCatalogueBatch(listings.map(({ listing }) => listing), images);
      onProgress?.(done + size);
    }
  } finally {
    // The pool's own records go; the listings' copies keep the bytes.
    const poolPhotos = [...pool.values()];
    await deleteImageRows(poolPhotos.map((photo) => photo.id));
    await deleteImageFiles(poolPhotos.map((photo) => photo.storageKey));
  }
  // Without fresh statistics the planner guesses a handful of rows, and without a visibility map
  // it prices index-only scans as table reads, until autovacuum (PostgreSQL only) catches up.
  await vacuumCatalogueTables();
}

async function storePhotoPool(ownerId: string): Promise<Map<PhotoIcon, Image>> {
  const icons = [...new Set(Object.values(CATALOGUE_ITEMS).flatMap((items) => items.map((item) => item.icon)))];
  const pool = new Map<PhotoIcon, Image>();
  for (const [index, icon] of icons.entries()) {
    const stored = await storeUploadedImage(await drawListingPhoto(icon, (index * 47) % 360, index % 3), ownerId);
    if (!stored.ok) throw new Error(`Catalogue photo was refused: ${stored.error}`);
    pool.set(icon, stored.image);
  }
  return pool;
}

function generateListing(sellerIds: string[], now: number, place: Place): { listing: NewListing & { id: string }; icon: PhotoIcon } {
  const category = pick(CATEGORIES);
  const item: CatalogueItem = pick(CATALOGUE_ITEMS[category]);
  const condition = pickWeighted(CONDITION_WEIGHTS);
  const euros = item.minEuros + Math.random() * (item.maxEuros - item.minEuros);
  // Private sellers round: to the euro under €100, to €5 above.
  const priceEuros = euros < 100 ? Math.max(1, Math.round(euros)) : Math.round(euros / 5) * 5;
  // Skewed towards recent dates, like a live site, over about a year.
  const createdAt = new Date(now - Math.random() ** 2 * 365 * DAY_MS);
  const roll = Math.random();
  return {
    icon: item.icon,
    listing: {
      id: crypto.randomUUID(),
      sellerId: pick(sellerIds),
      title: `${pick(item.qualifiers)} ${pick(item.nouns)}`,
      description: [
        pick(CONDITION_OPENERS[condition]),
        pick(DESCRIPTION_MIDDLES),
        `Collection from ${place.name}${Math.random() < 0.4 ? ", or I can post." : "."}`,
      ].join(" "),
      category,
      condition,
      priceCents: priceEuros * 100,
      placeName: place.label,
      placeLat: place.lat,
      placeLng: place.lng,
      status: roll < 0.04 ? "sold" : roll < 0.12 ? "reserved" : "active",
      createdAt,
      updatedAt: createdAt,
    },
  };
}
