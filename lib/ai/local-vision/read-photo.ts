import type { ListingSuggestion } from "@/lib/ai/output-schema";
import type { ReaderNotes } from "@/lib/ai/reader-notes";
import { dominantColour } from "./colour";
import { parseDetections, readDetections, type Reading } from "./detections";
import { runDetector } from "./detector";
import { framePhoto } from "./frame";
import { describeReading } from "./notes";
import { buildSuggestion, type PriceLookup } from "./suggestion";

export type PhotoReading = { suggestion: ListingSuggestion; reading: Reading; notes: ReaderNotes };

/** Reads one photo with the built-in detector and answers in the listing-suggestion schema, priced by `lookUpPrice`. */
export async function readPhoto(photo: Uint8Array, signal: AbortSignal | undefined, lookUpPrice: PriceLookup): Promise<PhotoReading> {
  const frame = await framePhoto(photo);
  const output = await runDetector(frame, signal);
  const detections = parseDetections(output);
  const reading = readDetections(detections);
  const colour = reading ? dominantColour(frame, reading.detection) : null;
  const suggestion = await buildSuggestion(reading, colour, lookUpPrice);
  return { suggestion, reading, notes: describeReading(detections, reading, suggestion) };
}
