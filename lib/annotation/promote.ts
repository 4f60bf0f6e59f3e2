import { findUnownedImageBySha256 } from "@/lib/db/queries/eval-datasets";
import { getImageById } from "@/lib/db/queries/images";
import { findDatasetCaseByImage, insertPromotedCase } from "@/lib/db/queries/eval-dataset-promotion";
import { getReviewLabel } from "@/lib/db/queries/review-reports";
import { datasetContentHash } from "@/lib/evals/dataset-store";
import { evalCaseSchema } from "@/lib/evals/dataset";
import { copyImageUnowned } from "@/lib/images";
import type { PromoteLabelInput } from "./label-schema";

// A reviewed call becomes a case of an evaluation dataset, in the format of cases.jsonl
// (../shared/eval/README.md), as a new version of that dataset: the previous cases plus this one.
// `npm run eval -- --dataset <name>` then runs on it like on a folder.

export type PromoteOutcome =
  | { ok: true; dataset: string; version: number; caseId: string; caseCount: number }
  | { ok: false; field: "labelId" | "dataset"; error: string };

/** The case id of a promoted call: stable, so promoting the same call twice is caught. */
export function caseIdForCall(callId: string): string {
  return `call-${callId}`;
}

export async function promoteLabel({ labelId, dataset, keywords }: PromoteLabelInput): Promise<PromoteOutcome> {
  const row = await getReviewLabel(labelId);
  if (!row) return { ok: false, field: "labelId", error: "That label no longer exists." };
  const { label, call } = row;
  if (!label.category || label.priceMinCents === null || label.priceMaxCents === null) {
    return { ok: false, field: "labelId", error: "This label has no category or price range, so it can't become a case." };
  }
  // A case is one photo: the first, which the model weighs most.
  const photo = call.imageIds[0] ? await getImageById(call.imageIds[0]) : null;
  if (!photo) return { ok: false, field: "labelId", error: "The photo of this call is no longer stored (the seller removed it), so it can't become a case." };

  // Checked again inside the transaction; asking first avoids copying a photo for nothing.
  const duplicate = await findDatasetCaseByImage(dataset, photo.sha256);
  if (duplicate) return { ok: false, field: "dataset", error: duplicateMessage(dataset, duplicate.version, duplicate.caseId) };

  const caseId = caseIdForCall(call.id);
  const evalCase = evalCaseSchema.parse({
    id: caseId,
    file: `${caseId}.webp`,
    category: label.category,
    accept: [],
    item: label.title,
    keywords,
    price_eur: { min: label.priceMinCents / 100, max: label.priceMaxCents / 100 },
    source: `Trova pre-fill call ${call.id}, reviewed`,
  });
  const { file: _file, ...data } = evalCase;
  // The dataset keeps its own copy: the seller's photo goes when their listing does. An earlier
  // copy of the same bytes (a refused or repeated promotion) is reused.
  const image = (await findUnownedImageBySha256(photo.sha256)) ?? (await copyImageUnowned(photo));
  const result = await insertPromotedCase({
    labelId,
    datasetName: dataset,
    newCase: { caseId, imageId: image.id, imageSha256: photo.sha256, data },
    note: `review of call ${call.id}`,
    contentHash: datasetContentHash,
  });
  if (!result.ok) {
    return {
      ok: false,
      field: "dataset",
      error: result.reason === "duplicate-image" ? duplicateMessage(dataset, result.version, result.caseId) : `${dataset} v${result.version} already has a case called ${result.caseId}.`,
    };
  }
  return { ok: true, dataset, version: result.version, caseId, caseCount: result.caseCount };
}

function duplicateMessage(dataset: string, version: number, caseId: string): string {
  return `${dataset} v${version} already holds this photo (case ${caseId}); nothing was added.`;
}
