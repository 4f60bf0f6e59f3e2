import { listPromptVersions, hashPromptText } from "@/lib/ai/prompts";
import { CATEGORIES } from "@/lib/listings/options";

// "Publish as version N" writes nothing at run time: prompt versions are reviewed code, and a
// published text must never change (prompts.test.ts holds each to prompts.lock.json). So the
// playground shows the change to commit instead: the version file, the lock entry and the line
// that registers it in lib/ai/prompts/index.ts.

export type PublishInstructions = {
  version: number;
  /** Where the new file goes, from the repository root. */
  path: string;
  fileText: string;
  lockKey: string;
  lockHash: string;
  /** The import and the SOURCES entry to add to lib/ai/prompts/index.ts. */
  importLine: string;
  sourcesLine: string;
};

const CATEGORY_LIST = CATEGORIES.join(", ");

/** The next free version of a prompt. */
export function nextPromptVersion(promptId: string): number {
  return Math.max(0, ...listPromptVersions(promptId).map((prompt) => prompt.version)) + 1;
}

/** The files to add so that `text` becomes `promptId` version `version`, with the hash it will have. */
export function publishInstructions(text: string, promptId: string, version = nextPromptVersion(promptId)): PublishInstructions {
  // The category list stays in step with lib/listings when written as v1 writes it.
  const usesCategories = text.includes(CATEGORY_LIST);
  const literal = usesCategories ? text.split(CATEGORY_LIST).map(escapeTemplateText).join('${CATEGORIES.join(", ")}') : escapeTemplateText(text);
  const fileText = [
    ...(usesCategories ? ['import { CATEGORIES } from "@/lib/listings/options";', ""] : []),
    `// Version ${version} of the ${promptId} prompt, written in the console playground. Never edit a`,
    "// published version: add a new file instead (a test compares every version's hash with prompts.lock.json).",
    `export const text = \`${literal}\`;`,
    "",
  ].join("\n");
  const moduleName = `${camelCase(promptId)}V${version}`;
  return {
    version,
    path: `lib/ai/prompts/${promptId}/v${version}.ts`,
    fileText,
    lockKey: `${promptId}@${version}`,
    lockHash: hashPromptText(text),
    importLine: `import * as ${moduleName} from "./${promptId}/v${version}";`,
    sourcesLine: `{ id: "${promptId}", version: ${version}, text: ${moduleName}.text },`,
  };
}

/** Text as the inside of a template literal: backslashes, backticks and `${` escaped. */
export function escapeTemplateText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
}

function camelCase(id: string): string {
  return id.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());
}
