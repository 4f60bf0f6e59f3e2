import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { EvalCase } from "@/lib/evals/dataset";
import { formatCasesJsonl } from "@/lib/evals/dataset";

// A small evaluation dataset that the tests draw themselves (the real photos in ../shared/eval
// may not be copied into the repository, and tests must not depend on them).

type GeneratedCase = Pick<EvalCase, "id" | "category" | "item" | "keywords" | "price_eur"> & { accept?: EvalCase["accept"]; colour: string };

const CASES: GeneratedCase[] = [
  { id: "blue-vase", category: "Home & Garden", item: "Blue vase", keywords: ["vase"], price_eur: { min: 10, max: 40 }, colour: "#2255cc" },
  { id: "red-chair", category: "Furniture", item: "Red chair", keywords: ["chair"], price_eur: { min: 20, max: 80 }, colour: "#cc3322" },
  { id: "green-bike", category: "Sports", accept: ["Vehicles"], item: "Green bicycle", keywords: ["bike", "bicycle"], price_eur: { min: 50, max: 300 }, colour: "#22aa44" },
  { id: "yellow-book", category: "Books", item: "Yellow book", keywords: ["book"], price_eur: { min: 2, max: 15 }, colour: "#ddbb22" },
];

/** Writes the generated dataset to a new temporary folder and returns its path. */
export async function writeGeneratedDataset(directory?: string): Promise<string> {
  const folder = directory ?? (await fs.mkdtemp(path.join(os.tmpdir(), "trova-eval-")));
  await fs.mkdir(folder, { recursive: true });
  const cases: EvalCase[] = [];
  for (const { colour, accept, ...evalCase } of CASES) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#f4f1ea"/><circle cx="200" cy="150" r="90" fill="${colour}"/></svg>`;
    const file = `${evalCase.id}.jpg`;
    await fs.writeFile(path.join(folder, file), await sharp(Buffer.from(svg)).jpeg().toBuffer());
    cases.push({ ...evalCase, accept: accept ?? [], file });
  }
  await fs.writeFile(path.join(folder, "cases.jsonl"), formatCasesJsonl(cases));
  return folder;
}
