// Imports a dataset folder (images + cases.jsonl) into the database as a new version:
//   npm run eval:import -- <dir> --name <name>
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db/client";
import { importFolderDataset } from "@/lib/evals/dataset-store";

const { values, positionals } = parseArgs({ options: { name: { type: "string" } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error("Usage: npm run eval:import -- <dir> --name <name>");
  process.exit(2);
}
try {
  const name = values.name ?? path.basename(path.resolve(positionals[0]));
  const result = await importFolderDataset(positionals[0], name);
  console.log(
    result.created
      ? `Imported ${result.cases} cases as ${result.name} version ${result.version}.`
      : `${result.name} version ${result.version} already has exactly these cases: nothing to import.`,
  );
  await closeDb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
