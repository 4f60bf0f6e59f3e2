import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeGeneratedDataset } from "@/lib/testing/eval-dataset";
import { formatCasesJsonl, parseCasesJsonl, readFolderDataset } from "./dataset";
import { exportDataset, importFolderDataset, loadStoredDataset, resolveDataset } from "./dataset-store";

describe("datasets in the database", () => {
  it("imports a folder as version 1 and re-importing it unchanged adds no version", async () => {
    const folder = await writeGeneratedDataset();
    const first = await importFolderDataset(folder, "shapes");
    expect(first).toMatchObject({ name: "shapes", version: 1, created: true, cases: 4 });
    const again = await importFolderDataset(folder, "shapes");
    expect(again).toMatchObject({ version: 1, created: false });
  });

  it("makes a new version when a case changes, and keeps the old one", async () => {
    const folder = await writeGeneratedDataset();
    await importFolderDataset(folder, "versions");
    const cases = parseCasesJsonl(await fs.readFile(path.join(folder, "cases.jsonl"), "utf8"));
    cases[0].price_eur = { min: 12, max: 45 };
    await fs.writeFile(path.join(folder, "cases.jsonl"), formatCasesJsonl(cases));
    const second = await importFolderDataset(folder, "versions");
    expect(second).toMatchObject({ version: 2, created: true });
    expect((await loadStoredDataset("versions", 1))!.cases[0].price_eur).toEqual({ min: 10, max: 40 });
    expect((await loadStoredDataset("versions"))!.cases[0].price_eur).toEqual({ min: 12, max: 45 });
  });

  it("exports a version back to the folder format (round trip)", async () => {
    const folder = await writeGeneratedDataset();
    await importFolderDataset(folder, "round-trip");
    const out = await fs.mkdtemp(path.join(os.tmpdir(), "trova-export-"));
    expect(await exportDataset("round-trip", out)).toBe(1);
    const original = await readFolderDataset(folder);
    const exported = await readFolderDataset(out);
    const withoutFile = (cases: typeof original.cases) => cases.map(({ file: _file, ...rest }) => rest);
    expect(withoutFile(exported.cases)).toEqual(withoutFile(original.cases));
    expect(exported.cases.map((evalCase) => evalCase.file)).toEqual(original.cases.map((evalCase) => `${evalCase.id}.webp`));
    // The exported images are the stored WebP, not the original bytes: importing them is a new version.
    expect((await importFolderDataset(out, "round-trip")).created).toBe(true);
  });

  it("resolves a folder, a name and name@version", async () => {
    const folder = await writeGeneratedDataset();
    const fromFolder = await resolveDataset(folder, "resolved");
    expect(fromFolder).toMatchObject({ name: "resolved", version: 1 });
    expect((await resolveDataset("resolved")).datasetVersionId).toBe(fromFolder.datasetVersionId);
    expect((await resolveDataset("resolved@1")).cases).toHaveLength(4);
    await expect(resolveDataset("no-such-dataset")).rejects.toThrow(/neither a dataset folder nor a dataset/);
  });
});
