import type { ListingSuggestion } from "@/lib/ai/output-schema";
import type { ReaderNotes } from "@/lib/ai/reader-notes";
import { classThreshold, FIRES_ON_ANYTHING, type Detection, type Reading } from "./detections";

// The built-in reader's own account of a photo, for the sell page: what it saw (with how sure it
// was) and why it left a field empty or asks for it to be checked. It says only what it knows.

// Detections below this score are noise the seller should not be shown.
const SHOWN_SCORE = 0.2;
const MAX_SEEN = 3;
// As sure as a detection gets on the eval photos when it is right (suggestion.ts uses the same).
const HIGH_SCORE = 0.5;

export function describeReading(detections: Detection[], reading: Reading, suggestion: ListingSuggestion): ReaderNotes {
  const seen = strongestPerClass(detections).slice(0, MAX_SEEN);
  const reasons: ReaderNotes["reasons"] = {
    condition: "condition can't be seen in a photo",
    brand: "the built-in reader recognises kinds of things, not brands or labels",
  };
  if (!reading) {
    const guess = seen.find((detection) => detection.cocoClass.category !== null);
    const why = guess
      ? FIRES_ON_ANYTHING.has(guess.cocoClass.label)
        ? `it looks a little like ${withArticle(guess.cocoClass.item)}, but the reader sees those in photos of many other things`
        : `it looks a little like ${withArticle(guess.cocoClass.item)}, but not clearly enough to say so`
      : "it didn't recognise anything it could name in the photo";
    reasons.title = why;
    reasons.category = why;
  } else {
    if (reading.detection.score < HIGH_SCORE) reasons.category = `fairly sure it is ${withArticle(reading.detection.cocoClass.item)}, not certain`;
    if (!suggestion.attributes.colour) reasons.colour = reading.count >= 3 ? "several items in the photo" : "no single colour stands out";
  }
  reasons.price =
    suggestion.priceEur === null ? "no similar listings to price from yet" : "the middle price of similar listings on Trova: check it against yours";
  return {
    seen: seen.map((detection) => ({ item: withArticle(detection.cocoClass.item), confidence: confidenceOf(detection) })),
    reasons,
  };
}

function strongestPerClass(detections: Detection[]): Detection[] {
  const strongest = new Map<string, Detection>();
  for (const detection of detections) {
    if (detection.score < SHOWN_SCORE) continue;
    const current = strongest.get(detection.cocoClass.label);
    if (!current || detection.score > current.score) strongest.set(detection.cocoClass.label, detection);
  }
  return [...strongest.values()].sort((a, b) => b.score - a.score);
}

function confidenceOf(detection: Detection): ReaderNotes["seen"][number]["confidence"] {
  if (detection.score >= HIGH_SCORE) return "high";
  return detection.score >= classThreshold(detection.cocoClass.label) ? "medium" : "low";
}

/** "a bicycle", "an oven", "a TV". */
export function withArticle(item: string): string {
  return /^[aeiou]/i.test(item) ? `an ${item}` : `a ${item}`;
}
