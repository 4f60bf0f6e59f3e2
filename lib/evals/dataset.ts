import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { CATEGORIES } from "@/lib/listings/options";

// A dataset on disk: a folder of images and a cases.jsonl, one case per line (the format of
// ../shared/eval/README.md). Extra fields are kept so an export writes back what was read.

export const evalCaseSchema = z
  .object({
    id: z.string().min(1).max(200),
    file: z
      .string()
      .min(1)
      .refine((file) => !file.includes("/") && !file.includes("\\") && file !== "..", "must be a file name in the dataset folder"),
    category: z.enum(CATEGORIES),
    accept: z.array(z.enum(CATEGORIES)).default([]),
    item: z.string().default(""),
    keywords: z.array(z.string().min(1)).min(1),
    price_eur: z.object({ min: z.number().nonnegative(), max: z.number().positive() }).refine((range) => range.min <= range.max, "min must not exceed max"),
    source: z.string().optional(),
    license: z.string().optional(),
  })
  .loose();

export type EvalCase = z.infer<typeof evalCaseSchema>;

export type FolderDataset = { name: string; directory: string; cases: EvalCase[] };

export class DatasetFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatasetFormatError";
  }
}

/** Parses cases.jsonl text; every problem names its line. */
export function parseCasesJsonl(text: string): EvalCase[] {
  const cases: EvalCase[] = [];
  const seen = new Set<string>();
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new DatasetFormatError(`cases.jsonl line ${index + 1}: not valid JSON`);
    }
    const parsed = evalCaseSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DatasetFormatError(`cases.jsonl line ${index + 1}: ${issue.path.join(".") || "case"}: ${issue.message}`);
    }
    if (seen.has(parsed.data.id)) throw new DatasetFormatError(`cases.jsonl line ${index + 1}: duplicate id "${parsed.data.id}"`);
    seen.add(parsed.data.id);
    cases.push(parsed.data);
  });
  if (cases.length === 0) throw new DatasetFormatError("cases.jsonl has no cases");
  return cases;
}

export function formatCasesJsonl(cases: EvalCase[]): string {
  return cases.map((evalCase) => JSON.stringify(evalCase)).join("\n") + "\n";
}

export async function readFolderDataset(directory: string): Promise<FolderDataset> {
  const absolute = path.resolve(directory);
  let text: string;
  try {
    text = await fs.readFile(path.join(absolute, "cases.jsonl"), "utf8");
  } catch {
    throw new DatasetFormatError(`${absolute} has no cases.jsonl`);
  }
  const cases = parseCasesJsonl(text);
  for (const evalCase of cases) {
    try {
      await fs.access(path.join(absolute, evalCase.file));
    } catch {
      throw new DatasetFormatError(`case "${evalCase.id}": image ${evalCase.file} is missing from ${absolute}`);
    }
  }
  return { name: path.basename(absolute), directory: absolute, cases };
}

export async function readCaseImage(dataset: FolderDataset, evalCase: EvalCase): Promise<Buffer> {
  return fs.readFile(path.join(dataset.directory, evalCase.file));
}
