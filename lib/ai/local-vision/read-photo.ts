import type { ListingSuggestion } from "@/lib/ai/output-schema";
import { getComparablePrices } from "@/lib/db/queries/comparable-prices";
import { dominantColour } from "./colour";
import { parseDetections, readDetections, type Reading } from "./detections";
import { runDetector } from "./detector";
import { framePhoto } from "./frame";
import { buildSuggestion, roundPrice, type PriceLookup } from "./suggestion";

export type PhotoReading = { suggestion: ListingSuggestion; reading: Reading };

/** Reads one photo with the built-in detector and answers in the listing-suggestion schema. */
export async function readPhoto(photo: Uint8Array, signal?: AbortSignal, lookUpPrice: PriceLookup = priceFromComparables): Promise<PhotoReading> {
  const frame = await framePhoto(photo);
  const output = await runDetector(frame, signal);
  const reading = readDetections(parseDetections(output));
  const colour = reading ? dominantColour(frame, reading.detection) : null;
  return { suggestion: await buildSuggestion(reading, colour, lookUpPrice), reading };
}

/** The middle of what similar Trova listings ask (the range the sell page shows), when there are enough of them. */
export const priceFromComparables: PriceLookup = async ({ category, item }) => {
  const comparable = await getComparablePrices({ category, title: item });
  return comparable ? roundPrice((comparable.lowCents + comparable.highCents) / 2 / 100) : null;
};
