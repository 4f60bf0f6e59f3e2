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
// the stored full-size WebP, i.e. what lib/images made of the upload. A test that needs a
// different answer draws its photo, stores it, and adds the stored file's hash here.
export const FIXTURES_BY_IMAGE_SHA256: Record<string, ListingSuggestion> = {};
