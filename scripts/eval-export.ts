// Writes a stored dataset version back to the folder format:
//   npm run eval:export -- <name>[@version] <dir>
import { closeDb } from "@/lib/db/client";
import { exportDataset } from "@/lib/evals/dataset-store";

const [ref, directory] = process.argv.slice(2).filter((arg) => arg !== "--");
if (!ref || !directory) {
  console.error("Usage: npm run eval:export -- <name>[@version] <dir>");
  process.exit(2);
}
try {
  const [name, version] = ref.split("@");
  const written = await exportDataset(name, directory, version ? Number(version) : undefined);
  console.log(`Wrote ${name} version ${written} to ${directory}.`);
  await closeDb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
