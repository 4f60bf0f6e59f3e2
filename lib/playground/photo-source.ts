import { listingSuggestionSchema } from "@/lib/ai/output-schema";
import { getAiCallDetail } from "@/lib/db/queries/ai-calls";
import { getImageById } from "@/lib/db/queries/images";
import { isUuid } from "@/lib/db/uuid";
import { loadStoredDataset } from "@/lib/evals/dataset-store";
import type { EvalCase } from "@/lib/evals/dataset";
import { compareFields } from "@/lib/sell/implicit-feedback";
import type { ColumnValues } from "./compare-columns";

// Where the playground's photos come from: a logged call (with what the seller published from
// it, to diff against), an evaluation case (with its expected fields), or a fresh upload.

export type PlaygroundSource = {
  kind: "call" | "case" | "upload";
  /** What the page says the photos are. */
  description: string;
  photos: { id: string; storageKey: string }[];
  sourceCallId: string | null;
  /** The seller's published values, when the photo came from a call that was published. */
  published: ColumnValues | null;
  /** The case's expected answer, when the photo came from a dataset. */
  expected: EvalCase | null;
};

export type SourceQuery = { call?: string; dataset?: string; case?: string; photo?: string };

export async function loadPlaygroundSource(query: SourceQuery): Promise<PlaygroundSource | null> {
  if (query.call) return fromCall(query.call);
  if (query.dataset && query.case) return fromCase(query.dataset, query.case);
  if (query.photo) return fromUpload(query.photo);
  return null;
}

async function fromCall(callId: string): Promise<PlaygroundSource | null> {
  const detail = await getAiCallDetail(callId);
  if (!detail || detail.photos.length === 0) return null;
  const { call, listing } = detail;
  const suggestion = listingSuggestionSchema.safeParse(call.output);
  let published: ColumnValues | null = null;
  if (listing && suggestion.success) {
    const sellerDetails = (listing.aiSuggestion as { sellerDetails?: Record<string, string | null> } | null)?.sellerDetails ?? {};
    const details = { brand: sellerDetails.brand ?? "", colour: sellerDetails.colour ?? "", material: sellerDetails.material ?? "", size: sellerDetails.size ?? "" };
    published = Object.fromEntries(compareFields(suggestion.data, { ...listing, details }).map((row) => [row.field, row.published])) as ColumnValues;
  }
  return {
    kind: "call",
    description: `The photo${detail.photos.length === 1 ? "" : "s"} of call ${call.id} (${call.modelId}, ${call.promptId ?? "no prompt"}@${call.promptVersion ?? "–"})${listing ? `, published as “${listing.title}”` : ", not published"}.`,
    photos: detail.photos,
    sourceCallId: call.id,
    published,
    expected: null,
  };
}

async function fromCase(datasetRef: string, caseId: string): Promise<PlaygroundSource | null> {
  const [name, version] = datasetRef.split("@");
  const dataset = await loadStoredDataset(name, version && /^\d+$/.test(version) ? Number(version) : undefined);
  const evalCase = dataset?.cases.find((candidate) => candidate.id === caseId);
  if (!dataset || !evalCase) return null;
  const { imageId, storageKey, ...expected } = evalCase;
  return {
    kind: "case",
    description: `Case ${evalCase.id} of ${dataset.name} v${dataset.version}.`,
    photos: [{ id: imageId, storageKey }],
    sourceCallId: null,
    published: null,
    expected,
  };
}

async function fromUpload(imageId: string): Promise<PlaygroundSource | null> {
  const image = isUuid(imageId) ? await getImageById(imageId) : null;
  if (!image) return null;
  return { kind: "upload", description: "A photo uploaded here.", photos: [{ id: image.id, storageKey: image.storageKey }], sourceCallId: null, published: null, expected: null };
}
