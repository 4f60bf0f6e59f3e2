import pLimit from "p-limit";
import { countListings, getSellerListingTitles, insertListingWithPhotos } from "@/lib/db/queries/seed";
import { setDefaultPlace } from "@/lib/db/queries/users";
import { storeUploadedImage } from "@/lib/images";
import { findPlace, listPlaces, type Place } from "@/lib/places/gazetteer";
import { ensureAccounts } from "./accounts";
import { DEMO_LISTINGS, DEMO_PASSWORD, DEMO_SELLERS, type DemoListing } from "./demo-listings";
import { drawListingPhoto } from "./photos";

export { DEMO_PASSWORD, DEMO_SELLERS } from "./demo-listings";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Seeds demo listings when the database has none. Returns how many were added. */
export async function seedDemoIfEmpty(): Promise<number> {
  if ((await countListings()) > 0) return 0;
  return seedDemo();
}

/**
 * Adds whichever demo sellers and demo listings are missing, so running it again adds nothing.
 * Photos are drawn here and go through the same upload pipeline as a seller's. Returns how many
 * listings were added.
 */
export async function seedDemo(now = new Date()): Promise<number> {
  const sellerIds = await ensureAccounts(DEMO_SELLERS, DEMO_PASSWORD);
  for (const [index, seller] of DEMO_SELLERS.entries()) await setDefaultPlace(sellerIds[index], seller.place);
  const existing = await getSellerListingTitles(sellerIds);
  const missing = DEMO_LISTINGS.map((listing, index) => ({ listing, index })).filter(
    ({ listing }) => !existing.has(`${sellerIds[listing.seller]}\n${listing.title}`),
  );
  // Photo encoding is CPU work in sharp's thread pool; two listings at a time keep both cores busy
  // without starving a server that is starting beside it.
  const limit = pLimit(2);
  await Promise.all(missing.map(({ listing, index }) => limit(() => addDemoListing(listing, index, sellerIds[listing.seller], now))));
  return missing.length;
}

async function addDemoListing(listing: DemoListing, index: number, sellerId: string, now: Date): Promise<void> {
  // The golden angle spreads consecutive listings' colours far apart around the colour wheel.
  const hue = Math.round((index * 137.508) % 360);
  const imageIds: string[] = [];
  for (let variant = 0; variant < listing.photos; variant++) {
    const stored = await storeUploadedImage(await drawListingPhoto(listing.icon, hue, variant), sellerId);
    if (!stored.ok) throw new Error(`Demo photo for "${listing.title}" was refused: ${stored.error}`);
    imageIds.push(stored.image.id);
  }
  const createdAt = new Date(now.getTime() - listing.daysAgo * DAY_MS);
  const place = demoListingPlace(listing);
  await insertListingWithPhotos(
    {
      sellerId,
      title: listing.title,
      description: listing.description,
      category: listing.category,
      condition: listing.condition,
      priceCents: Math.round(listing.priceEuros * 100),
      status: listing.status ?? "active",
      placeName: place.label,
      placeLat: place.lat,
      placeLng: place.lng,
      createdAt,
      updatedAt: createdAt,
    },
    imageIds,
  );
}


/**
 * A demo listing's place: its own, else a town its description collects from ("Collection from
 * Drumcondra"), else its seller's default place.
 */
export function demoListingPlace(listing: DemoListing): Place {
  const mentioned = listPlaces().find((place) => new RegExp(`\\b(from|in) ${place.name}\\b`).test(listing.description));
  const place = (listing.place ? findPlace(listing.place) : null) ?? mentioned ?? findPlace(DEMO_SELLERS[listing.seller].place);
  if (!place) throw new Error(`Demo listing "${listing.title}" has no place in the gazetteer.`);
  return place;
}
