import { z } from "zod";
import { caseKeywordsField, datasetNameField } from "@/lib/annotation/label-schema";
import { findUnownedImageBySha256 } from "@/lib/db/queries/eval-datasets";
import { findDatasetCaseByImage, insertPromotedCase } from "@/lib/db/queries/eval-dataset-promotion";
import { getImageById } from "@/lib/db/queries/images";
import { datasetContentHash } from "@/lib/evals/dataset-store";
import { evalCaseSchema } from "@/lib/evals/dataset";
import { copyImageUnowned } from "@/lib/images";
import { priceSchema } from "@/lib/listings/listing-schema";
import { CATEGORIES } from "@/lib/listings/options";

// "Save as eval case" from a playground column: the photo and the fields the admin settled on
// (starting from that column's answer) become a case in a new version of a dataset, exactly as a
// reviewed call is promoted from the review queue (lib/annotation/promote.ts).

export const saveCaseSchema = z
  .object({
    imageId: z.uuid("Choose a photo first."),
    // The logged call the photo came from, if any: named in the case's source.
    sourceCallId: z.union([z.uuid(), z.literal("")]).optional(),
    dataset: datasetNameField,
    category: z.enum(CATEGORIES, "Choose the category a buyer would browse to find it."),
    item: z.string().trim().min(3, "Write a short title (at least 3 characters).").max(80, "Keep the title under 80 characters."),
    keywords: caseKeywordsField,
    priceMin: priceSchema,
    priceMax: priceSchema,
  })
  .refine((input) => input.priceMax > 0, { path: ["priceMax"], message: "The top of the range must be above €0." })
  .refine((input) => input.priceMin <= input.priceMax, { path: ["priceMax"], message: "The top of the range must not be below its bottom." });
export type SaveCaseInput = z.output<typeof saveCaseSchema>;

export type SaveCaseOutcome =
  | { ok: true; dataset: string; version: number; caseId: string; caseCount: number }
  | { ok: false; field: "imageId" | "dataset"; error: string };

/** A case id that names the photo: saving the same photo twice is caught as a duplicate. */
export function caseIdForPhoto(imageSha256: string): string {
  return `playground-${imageSha256.slice(0, 16)}`;
}

export async function saveColumnAsCase(input: SaveCaseInput): Promise<SaveCaseOutcome> {
  const photo = await getImageById(input.imageId);
  if (!photo) return { ok: false, field: "imageId", error: "That photo is no longer stored, so it can't become a case." };
  const duplicate = await findDatasetCaseByImage(input.dataset, photo.sha256);
  if (duplicate) return { ok: false, field: "dataset", error: duplicateMessage(input.dataset, duplicate.version, duplicate.caseId) };

  const caseId = caseIdForPhoto(photo.sha256);
  const evalCase = evalCaseSchema.parse({
    id: caseId,
    file: `${caseId}.webp`,
    category: input.category,
    accept: [],
    item: input.item,
    keywords: input.keywords,
    price_eur: { min: input.priceMin / 100, max: input.priceMax / 100 },
    source: input.sourceCallId ? `Trova pre-fill call ${input.sourceCallId}, via the playground` : "Console playground upload",
  });
  const { file: _file, ...data } = evalCase;
  // The dataset keeps its own copy, as a promotion does: the seller's photo goes with their listing.
  const image = (await findUnownedImageBySha256(photo.sha256)) ?? (await copyImageUnowned(photo));
  const result = await insertPromotedCase({
    labelId: null,
    datasetName: input.dataset,
    newCase: { caseId, imageId: image.id, imageSha256: photo.sha256, data },
    note: input.sourceCallId ? `playground, call ${input.sourceCallId}` : "playground, uploaded photo",
    contentHash: datasetContentHash,
  });
  if (!result.ok) {
    return {
      ok: false,
      field: "dataset",
      error: result.reason === "duplicate-image" ? duplicateMessage(input.dataset, result.version, result.caseId) : `${input.dataset} v${result.version} already has a case called ${result.caseId}.`,
    };
  }
  return { ok: true, dataset: input.dataset, version: result.version, caseId, caseCount: result.caseCount };
}

function duplicateMessage(dataset: string, version: number, caseId: string): string {
  return `${dataset} v${version} already holds this photo (case ${caseId}); nothing was added.`;
}
