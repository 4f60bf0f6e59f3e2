import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import {
  findUnownedImageBySha256,
  getDatasetVersion,
  getDatasetVersionCases,
  getLatestDatasetVersion,
  insertDatasetVersion,
  type NewDatasetCase,
} from "@/lib/db/queries/eval-datasets";
import { storageFileName, storeUploadedImage } from "@/lib/images";
import { getImageStorage } from "@/lib/images/storage";
import { DatasetFormatError, evalCaseSchema, formatCasesJsonl, readCaseImage, readFolderDataset, type EvalCase } from "./dataset";

// Datasets in the database: a folder is imported as a new version (unless nothing changed), and
// any version can be exported back to the folder format.

export type StoredCase = EvalCase & { imageId: string; storageKey: string };
export type StoredDatasetVersion = { name: string; version: number; datasetVersionId: string; cases: StoredCase[] };

function caseWithoutFile(evalCase: EvalCase): Record<string, unknown> {
  const { file: _file, ...rest } = evalCase;
  return rest;
}

/** Identifies a version's content: its cases in order and their images' bytes. */
export function datasetContentHash(entries: { data: Record<string, unknown>; imageSha256: string }[]): string {
  const hash = crypto.createHash("sha256");
  for (const entry of entries) hash.update(JSON.stringify(entry.data)).update(entry.imageSha256);
  return hash.digest("hex");
}

export type ImportResult = { name: string; version: number; datasetVersionId: string; created: boolean; cases: number };

/** Imports a dataset folder under `name`. Unchanged content reuses the latest version. */
export async function importFolderDataset(directory: string, name: string): Promise<ImportResult> {
  const folder = await readFolderDataset(directory);
  const prepared = await Promise.all(
    folder.cases.map(async (evalCase) => {
      const bytes = await readCaseImage(folder, evalCase);
      return { evalCase, bytes, imageSha256: crypto.createHash("sha256").update(bytes).digest("hex") };
    }),
  );
  const hash = datasetContentHash(prepared.map((entry) => ({ data: caseWithoutFile(entry.evalCase), imageSha256: entry.imageSha256 })));
  const latest = await getLatestDatasetVersion(name);
  if (latest && latest.version.contentHash === hash) {
    return { name, version: latest.version.version, datasetVersionId: latest.version.id, created: false, cases: latest.version.caseCount };
  }
  const cases: NewDatasetCase[] = [];
  for (const entry of prepared) {
    const existing = await findUnownedImageBySha256(entry.imageSha256);
    let imageId = existing?.id;
    if (!imageId) {
      const stored = await storeUploadedImage(entry.bytes, null);
      if (!stored.ok) throw new DatasetFormatError(`case "${entry.evalCase.id}": ${stored.error}`);
      imageId = stored.image.id;
    }
    cases.push({ caseId: entry.evalCase.id, imageId, imageSha256: entry.imageSha256, data: caseWithoutFile(entry.evalCase) });
  }
  const { version } = await insertDatasetVersion(name, hash, cases, `imported from ${path.basename(path.resolve(directory))}`);
  return { name, version: version.version, datasetVersionId: version.id, created: true, cases: cases.length };
}

export async function loadStoredDataset(name: string, version?: number): Promise<StoredDatasetVersion | null> {
  const row = version === undefined ? await getLatestDatasetVersion(name) : await getDatasetVersion(name, version);
  if (!row) return null;
  const rows = await getDatasetVersionCases(row.version.id);
  const cases = rows.map(({ case: stored, storageKey }) => ({
    ...evalCaseSchema.parse({ ...(stored.data as object), file: `${stored.caseId}.webp` }),
    imageId: stored.imageId,
    storageKey,
  }));
  return { name, version: row.version.version, datasetVersionId: row.version.id, cases };
}

/** Writes a stored dataset version as a folder: <case id>.webp images and cases.jsonl. */
export async function exportDataset(name: string, directory: string, version?: number): Promise<number> {
  const dataset = await loadStoredDataset(name, version);
  if (!dataset) throw new DatasetFormatError(`No dataset called "${name}"${version ? ` with version ${version}` : ""}`);
  await fs.mkdir(directory, { recursive: true });
  const storage = getImageStorage();
  for (const evalCase of dataset.cases) {
    const bytes = await storage.get(storageFileName(evalCase.storageKey, "full"));
    if (!bytes) throw new Error(`The image of case "${evalCase.id}" is missing from storage`);
    await fs.writeFile(path.join(directory, evalCase.file), bytes);
  }
  const cases = dataset.cases.map(({ imageId: _imageId, storageKey: _storageKey, ...evalCase }) => evalCase);
  await fs.writeFile(path.join(directory, "cases.jsonl"), formatCasesJsonl(cases));
  return dataset.version;
}

/**
 * `--dataset` accepts a folder (imported first, named after the folder unless `name` is given)
 * or the name of a dataset in the database, optionally `name@version`.
 */
export async function resolveDataset(folderOrName: string, name?: string): Promise<StoredDatasetVersion> {
  const isFolder = await fs
    .stat(folderOrName)
    .then((stat) => stat.isDirectory())
    .catch(() => false);
  if (isFolder) {
    const imported = await importFolderDataset(folderOrName, name ?? path.basename(path.resolve(folderOrName)));
    return (await loadStoredDataset(imported.name, imported.version))!;
  }
  const [datasetName, version] = folderOrName.split("@");
  const stored = await loadStoredDataset(datasetName, version ? Number(version) : undefined);
  if (!stored) throw new DatasetFormatError(`"${folderOrName}" is neither a dataset folder nor a dataset in the database`);
  return stored;
}
