import { and, asc, desc, eq, isNull, max } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { evalCases, evalDatasets, evalDatasetVersions, images } from "@/lib/db/schema";

export async function getLatestDatasetVersion(name: string) {
  const db = await getDb();
  const [row] = await db
    .select({ dataset: evalDatasets, version: evalDatasetVersions })
    .from(evalDatasetVersions)
    .innerJoin(evalDatasets, eq(evalDatasets.id, evalDatasetVersions.datasetId))
    .where(eq(evalDatasets.name, name))
    .orderBy(desc(evalDatasetVersions.version))
    .limit(1);
  return row ?? null;
}

export async function getDatasetVersion(name: string, version: number) {
  const db = await getDb();
  const [row] = await db
    .select({ dataset: evalDatasets, version: evalDatasetVersions })
    .from(evalDatasetVersions)
    .innerJoin(evalDatasets, eq(evalDatasets.id, evalDatasetVersions.datasetId))
    .where(and(eq(evalDatasets.name, name), eq(evalDatasetVersions.version, version)));
  return row ?? null;
}

export async function getDatasetVersionCases(datasetVersionId: string) {
  const db = await getDb();
  return db
    .select({ case: evalCases, storageKey: images.storageKey })
    .from(evalCases)
    .innerJoin(images, eq(images.id, evalCases.imageId))
    .where(eq(evalCases.datasetVersionId, datasetVersionId))
    .orderBy(asc(evalCases.position));
}

/** An already stored, unowned image with these original bytes (so re-imports reuse it). */
export async function findUnownedImageBySha256(sha256: string) {
  const db = await getDb();
  const [image] = await db
    .select()
    .from(images)
    .where(and(eq(images.sha256, sha256), isNull(images.ownerId), isNull(images.listingId)))
    .limit(1);
  return image ?? null;
}

export type NewDatasetCase = { caseId: string; imageId: string; imageSha256: string; data: Record<string, unknown> };

/** Adds the next version of a dataset (creating the dataset on first use) with all its cases. */
export async function insertDatasetVersion(name: string, contentHash: string, cases: NewDatasetCase[], note: string | null) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.insert(evalDatasets).values({ name }).onConflictDoNothing({ target: evalDatasets.name });
    const [dataset] = await tx.select().from(evalDatasets).where(eq(evalDatasets.name, name)).for("update");
    const [{ latest }] = await tx
      .select({ latest: max(evalDatasetVersions.version) })
      .from(evalDatasetVersions)
      .where(eq(evalDatasetVersions.datasetId, dataset.id));
    const [version] = await tx
      .insert(evalDatasetVersions)
      .values({ datasetId: dataset.id, version: (latest ?? 0) + 1, contentHash, caseCount: cases.length, note })
      .returning();
    if (cases.length > 0) {
      await tx.insert(evalCases).values(cases.map((evalCase, position) => ({ ...evalCase, datasetVersionId: version.id, position })));
    }
    return { dataset, version };
  });
}

export async function listDatasets() {
  const db = await getDb();
  return db
    .select({ name: evalDatasets.name, version: evalDatasetVersions.version, caseCount: evalDatasetVersions.caseCount, createdAt: evalDatasetVersions.createdAt, id: evalDatasetVersions.id })
    .from(evalDatasetVersions)
    .innerJoin(evalDatasets, eq(evalDatasets.id, evalDatasetVersions.datasetId))
    .orderBy(asc(evalDatasets.name), desc(evalDatasetVersions.version));
}
