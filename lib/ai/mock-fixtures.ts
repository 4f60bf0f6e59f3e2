import type { ListingSuggestion } from "./output-schema";

// The answers the mock models give. The e2e specs and the sell-flow tests expect DEFAULT_FIXTURE
// for any photo they draw; keep it exactly as the sell-flow contract states it.
export const DEFAULT_FIXTURE: ListingSuggestion = {
  title: "Blue ceramic vase",
  description: "Blue glazed ceramic vase, about 25 cm tall. No chips or cracks that I can see.",
  category: "Home & Garden",
  condition: "good",
  priceEur: 25,
  brand: null,
  attributes: { colour: "blue", material: "ceramic", size: null },
  confidence: { title: "high", category: "high", condition: "medium", price: "low" },
};

// Answers for particular photos, keyed by the sha256 (hex) of the image bytes sent to the model:
// the stored full-size WebP, i.e. what lib/images made of the upload. A test that needs another
// answer draws its photo, stores it, and adds the stored file's hash here. The hash depends on
// sharp's encoder: after a sharp upgrade, mock-models.test.ts says when a key needs updating.
export const FIXTURES_BY_IMAGE_SHA256: Record<string, ListingSuggestion> = {
  // makePng() from lib/testing/images.ts (320×240, plain blue), as stored.
  "49de36eb91e360b8d6a59a561113dfe9af731dc870108640caeabca7f301f40c": {
    title: "Blue yoga mat",
    description: "Blue yoga mat, laid out flat. Clean, no tears that I can see.",
    category: "Sports",
    condition: "like_new",
    priceEur: 12,
    brand: null,
    attributes: { colour: "blue", material: "foam", size: null },
    confidence: { title: "medium", category: "high", condition: "medium", price: "medium" },
  },
};
