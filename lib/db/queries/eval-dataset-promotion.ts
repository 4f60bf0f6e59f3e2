import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { evalCases, evalDatasets, evalDatasetVersions, reviewLabels } from "@/lib/db/schema";

// A reviewed label (lib/annotation/promote.ts) or a playground answer (lib/playground/save-case.ts)
// promoted into an evaluation dataset, beside
// eval-datasets.ts which reads the versions it writes.

/** The case of the dataset's newest version that holds an image with these bytes, if any. */
export async function findDatasetCaseByImage(datasetName: string, imageSha256: string) {
  const db = await getDb();
  const [latest] = await db
    .select({ id: evalDatasetVersions.id, version: evalDatasetVersions.version })
    .from(evalDatasetVersions)
    .innerJoin(evalDatasets, eq(evalDatasets.id, evalDatasetVersions.datasetId))
    .where(eq(evalDatasets.name, datasetName))
    .orderBy(desc(evalDatasetVersions.version))
    .limit(1);
  if (!latest) return null;
  const [found] = await db
    .select({ caseId: evalCases.caseId })
    .from(evalCases)
    .where(and(eq(evalCases.datasetVersionId, latest.id), eq(evalCases.imageSha256, imageSha256)))
    .limit(1);
  return found ? { caseId: found.caseId, version: latest.version } : null;
}

export type PromotedCase = { caseId: string; imageId: string; imageSha256: string; data: Record<string, unknown> };
export type PromoteResult =
  | { ok: true; version: number; caseCount: number }
  | { ok: false; reason: "duplicate-image" | "duplicate-id"; caseId: string; version: number };

/**
 * Adds a case to a dataset as a new version (the previous version's cases plus this one), in one
 * transaction with the dataset row locked, so two promotions at once cannot lose each other's
 * case; refuses an image the dataset already holds. Records the promotion on the label.
 */
export async function insertPromotedCase(input: {
  /** The review label promoted, when the case comes from the review queue (the playground has none). */
  labelId: string | null;
  datasetName: string;
  newCase: PromotedCase;
  note: string;
  contentHash: (cases: PromotedCase[]) => string;
}): Promise<PromoteResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.insert(evalDatasets).values({ name: input.datasetName }).onConflictDoNothing({ target: evalDatasets.name });
    const [dataset] = await tx.select().from(evalDatasets).where(eq(evalDatasets.name, input.datasetName)).for("update");
    const [latest] = await tx
      .select()
      .from(evalDatasetVersions)
      .where(eq(evalDatasetVersions.datasetId, dataset.id))
      .orderBy(desc(evalDatasetVersions.version))
      .limit(1);
    const previous = latest
      ? await tx.select().from(evalCases).where(eq(evalCases.datasetVersionId, latest.id)).orderBy(asc(evalCases.position))
      : [];
    const version = latest?.version ?? 0;
    const sameImage = previous.find((existing) => existing.imageSha256 === input.newCase.imageSha256);
    if (sameImage) return { ok: false, reason: "duplicate-image", caseId: sameImage.caseId, version } as const;
    const sameId = previous.find((existing) => existing.caseId === input.newCase.caseId);
    if (sameId) return { ok: false, reason: "duplicate-id", caseId: sameId.caseId, version } as const;

    const cases: PromotedCase[] = [
      ...previous.map((existing) => ({ caseId: existing.caseId, imageId: existing.imageId, imageSha256: existing.imageSha256, data: existing.data as Record<string, unknown> })),
      input.newCase,
    ];
    const [inserted] = await tx
      .insert(evalDatasetVersions)
      .values({ datasetId: dataset.id, version: version + 1, contentHash: input.contentHash(cases), caseCount: cases.length, note: input.note })
      .returning();
    await tx.insert(evalCases).values(cases.map((evalCase, position) => ({ ...evalCase, datasetVersionId: inserted.id, position })));
    if (input.labelId) {
      await tx
        .update(reviewLabels)
        .set({ promotedTo: `${input.datasetName}@${inserted.version}` })
        .where(eq(reviewLabels.id, input.labelId));
    }
    return { ok: true, version: inserted.version, caseCount: cases.length } as const;
  });
}
