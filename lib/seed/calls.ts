import crypto from "node:crypto";
import { PREFILL_FEATURE } from "@/lib/ai/prefill-contract";
import { countEmptyRequiredFields, type ListingSuggestion } from "@/lib/ai/output-schema";
import { costUsd } from "@/lib/ai/prices";
import { listPromptVersions } from "@/lib/ai/prompts";
import { countRealAiCalls, getUserIdsByEmail, insertAiCallBatch } from "@/lib/db/queries/seed";
import type { NewAiCall } from "@/lib/db/schema";
import { storeUploadedImage } from "@/lib/images";
import { CATEGORIES, CONDITIONS, type Category, type Condition } from "@/lib/listings/options";
import { computeImplicitFeedback, type PublishedValues } from "@/lib/sell/implicit-feedback";
import { CATALOGUE_ITEMS, CONDITION_OPENERS, DESCRIPTION_MIDDLES } from "./catalogue-vocabulary";
import { DEMO_SELLERS } from "./demo-listings";
import { pick, pickWeighted } from "./random";
import { drawListingPhoto } from "./photos";

// Synthetic AI call records for load-testing the console: `npm run seed:calls -- --count 200000`.
// They look like live pre-fill traffic (feature listing-prefill) over the last `days` days: three
// models with their own latencies and failure rates, thumbs, and listings published from about
// half the answers with what the seller changed. They are marked synthetic (ai_calls.synthetic), so
// the console leaves them out of live figures unless asked.

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
// About 30 columns per row: 1,000 rows stay well below PostgreSQL's 65,535 bind parameters.
const BATCH_SIZE = 1000;

type SyntheticModel = { id: string; provider: string; weight: number; medianMs: number; errorRate: number; invalidRate: number };

const MODELS: SyntheticModel[] = [
  { id: "openai:gpt-4o-mini", provider: "openai", weight: 60, medianMs: 1900, errorRate: 0.02, invalidRate: 0.015 },
  { id: "openai:gpt-4.1-mini", provider: "openai", weight: 25, medianMs: 2500, errorRate: 0.012, invalidRate: 0.01 },
  // No price for a local model: its cost is unknown, not zero.
  { id: "openai-compatible:llava:13b", provider: "openai-compatible", weight: 15, medianMs: 4300, errorRate: 0.05, invalidRate: 0.07 },
];

const DOWN_REASONS = [
  "The price is far too low.",
  "Wrong category.",
  "The title names the wrong brand.",
  "It made up details that aren't in the photo.",
  "Description is too long.",
  null,
];

export type SyntheticCallOptions = {
  count: number;
  days: number;
  /** Add them even to a log that has real calls. */
  force?: boolean;
  now?: Date;
  onProgress?: (done: number) => void;
};

/** The log already has real calls, and mixing made-up ones in was not asked for (--force). */
export class RealCallsPresentError extends Error {
  constructor(readonly realCalls: number) {
    super(
      `This database already has ${realCalls.toLocaleString("en-IE")} real AI calls. Synthetic calls are marked and hidden by default, ` +
        "but they would still share the log, its retention and its review queue: use a database of their own, or add --force.",
    );
    this.name = "RealCallsPresentError";
  }
}

export async function seedSyntheticCalls({ count, days, force = false, now = new Date(), onProgress }: SyntheticCallOptions): Promise<void> {
  const realCalls = await countRealAiCalls();
  if (realCalls > 0 && !force) throw new RealCallsPresentError(realCalls);
  const userIds = [...(await getUserIdsByEmail(DEMO_SELLERS.map((seller) => seller.email))).values()];
  const photos = await storePhotoPool();
  const prompts = listPromptVersions(PREFILL_FEATURE);
  for (let done = 0; done < count; done += BATCH_SIZE) {
    const size = Math.min(BATCH_SIZE, count - done);
    const rows = Array.from({ length: size }, () =>
      generateCall({ now: now.getTime(), days, userIds, photos, prompt: prompts[Math.floor(Math.random() * prompts.length)] }),
    );
    await insertAiCallBatch(rows);
    onProgress?.(done + size);
  }
}

/** One photo per category, stored like an upload; each synthetic call refers to its category's photo. */
async function storePhotoPool(): Promise<Map<Category, string>> {
  const pool = new Map<Category, string>();
  for (const [index, category] of CATEGORIES.entries()) {
    const stored = await storeUploadedImage(await drawListingPhoto(CATALOGUE_ITEMS[category][0].icon, (index * 40) % 360), null);
    if (!stored.ok) throw new Error(`Synthetic call photo was refused: ${stored.error}`);
    pool.set(category, stored.image.id);
  }
  return pool;
}

type GenerateContext = { now: number; days: number; userIds: string[]; photos: Map<Category, string>; prompt: { id: string; version: number; hash: string } };

function generateCall({ now, days, userIds, photos, prompt }: GenerateContext): NewAiCall {
  const model = pickWeighted(MODELS.map((candidate) => [candidate, candidate.weight]));
  const createdAt = new Date(now - Math.random() * days * DAY_MS);
  const suggestion = generateSuggestion();
  const roll = Math.random();
  const status = roll < model.errorRate ? "error" : roll < model.errorRate + model.invalidRate ? "invalid" : "ok";
  const latencyMs = Math.round(status === "error" ? 200 + Math.random() * 1500 : logNormal(model.medianMs, 0.45));
  const inputTokens = status === "error" ? null : 380 + Math.round(Math.random() * 60);
  const outputTokens = status === "error" ? null : 150 + Math.round(Math.random() * 120);
  const call: NewAiCall = {
    id: crypto.randomUUID(),
    feature: PREFILL_FEATURE,
    userId: userIds.length > 0 ? pick(userIds) : null,
    provider: model.provider,
    modelId: model.id,
    promptId: prompt.id,
    promptVersion: prompt.version,
    promptHash: prompt.hash,
    params: { maxOutputTokens: 1200, temperature: null, responseFormat: "json", imageDetail: "low", attempt: 1, retryOf: null },
    synthetic: true,
    imageIds: [photos.get(suggestion.category)!],
    status,
    latencyMs,
    firstFieldMs: status === "error" ? null : Math.round(latencyMs * (0.3 + Math.random() * 0.2)),
    inputTokens,
    outputTokens,
    costUsd: costUsd(model.id, inputTokens, outputTokens),
    createdAt,
    updatedAt: createdAt,
  };
  if (status === "error") {
    return { ...call, errorClass: "AI_APICallError", errorMessage: "500: The server had an error while processing your request." };
  }
  if (status === "invalid") {
    const rawOutput = `Here is your listing: ${suggestion.title.toLowerCase()}, about ${suggestion.priceEur ?? 20} euros.`;
    return { ...call, rawOutput, errorClass: "JSONParseError", errorMessage: "Unexpected token 'H', \"Here is yo\"... is not valid JSON" };
  }
  return { ...call, rawOutput: JSON.stringify(suggestion), output: suggestion, emptyRequiredFields: countEmptyRequiredFields(suggestion), ...sellerResponse(suggestion, createdAt, now) };
}

/** What the seller did: a rating now and then, and about half the answers published, most within the hour. */
function sellerResponse(suggestion: ListingSuggestion, createdAt: Date, now: number): Partial<NewAiCall> {
  const response: Partial<NewAiCall> = {};
  if (Math.random() < 0.08) {
    const up = Math.random() < 0.72;
    response.feedbackRating = up ? 1 : -1;
    response.feedbackReason = up ? null : pick(DOWN_REASONS);
    response.feedbackAt = new Date(Math.min(now, createdAt.getTime() + Math.random() * 5 * MINUTE_MS));
  }
  const publishedAt = createdAt.getTime() + (Math.random() < 0.94 ? Math.random() * 60 * MINUTE_MS : Math.random() * 3 * DAY_MS);
  if (Math.random() < 0.55 && publishedAt < now) {
    response.publishedAt = new Date(publishedAt);
    response.implicitFeedback = computeImplicitFeedback(suggestion, sellerEdits(suggestion));
  }
  return response;
}

/** The listing as published: mostly the suggestion, with the edits sellers typically make. */
function sellerEdits(suggestion: ListingSuggestion): PublishedValues {
  const suggestedCents = Math.round((suggestion.priceEur ?? 20) * 100);
  return {
    title: Math.random() < 0.62 ? suggestion.title : `${suggestion.title}${pick([", barely used", " - collection only", " (boxed)"])}`,
    description: Math.random() < 0.45 ? suggestion.description : Math.random() < 0.5 ? `${suggestion.description} Collection only.` : "",
    category: Math.random() < 0.9 ? suggestion.category : pick(CATEGORIES),
    condition: suggestion.condition && Math.random() < 0.8 ? suggestion.condition : pick(CONDITIONS),
    priceCents: Math.random() < 0.5 ? suggestedCents : Math.max(100, Math.round((suggestedCents * (0.6 + Math.random() * 0.9)) / 100) * 100),
    details: {
      brand: suggestion.brand && Math.random() < 0.85 ? suggestion.brand : "",
      colour: suggestion.attributes.colour && Math.random() < 0.7 ? suggestion.attributes.colour : "",
      material: suggestion.attributes.material && Math.random() < 0.7 ? suggestion.attributes.material : "",
      size: suggestion.attributes.size ?? "",
    },
  };
}

function generateSuggestion(): ListingSuggestion {
  const category = pick(CATEGORIES);
  const item = pick(CATALOGUE_ITEMS[category]);
  const condition: Condition = pick(["like_new", "good", "good", "fair", "new"] as const);
  const euros = item.minEuros + Math.random() * (item.maxEuros - item.minEuros);
  return {
    title: `${pick(item.qualifiers)} ${pick(item.nouns)}`,
    description: `${pick(CONDITION_OPENERS[condition])} ${pick(DESCRIPTION_MIDDLES)}`,
    category,
    condition: Math.random() < 0.08 ? null : condition,
    priceEur: Math.random() < 0.04 ? null : euros < 100 ? Math.max(1, Math.round(euros)) : Math.round(euros / 5) * 5,
    brand: Math.random() < 0.4 ? pick(item.qualifiers) : null,
    attributes: { colour: Math.random() < 0.6 ? pick(["black", "white", "grey", "blue", "red", "brown"]) : null, material: null, size: null },
    confidence: { title: "high", category: Math.random() < 0.85 ? "high" : "medium", condition: "medium", price: Math.random() < 0.3 ? "low" : "medium" },
  };
}

/** A log-normal sample with this median: latencies have a long tail. */
function logNormal(median: number, sigma: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  return median * Math.exp(sigma * normal);
}
