import { describe, expect, it } from "vitest";
import { getPrompt, hashPromptText } from "@/lib/ai/prompts";
import lock from "@/lib/ai/prompts/prompts.lock.json";
import { CATEGORIES } from "@/lib/listings/options";
import { escapeTemplateText, nextPromptVersion, publishInstructions } from "./publish-file";

/** The `text` a generated file exports, evaluated as TypeScript would (the one import it may have stubbed). */
function textOfFile(fileText: string): string {
  const body = fileText.replace(/^import \{ CATEGORIES \} from .*$/m, "").replace("export const text =", "return");
  return new Function("CATEGORIES", body)(CATEGORIES) as string;
}

describe("publish as version N", () => {
  it("names the next free version, its file and the lock entry", () => {
    const next = Math.max(...Object.keys(lock).map((key) => Number(key.split("@")[1]))) + 1;
    expect(nextPromptVersion("listing-prefill")).toBe(next);
    const publish = publishInstructions("Describe the item.", "listing-prefill");
    expect(publish).toMatchObject({
      version: next,
      path: `lib/ai/prompts/listing-prefill/v${next}.ts`,
      lockKey: `listing-prefill@${next}`,
      lockHash: hashPromptText("Describe the item."),
      importLine: `import * as listingPrefillV${next} from "./listing-prefill/v${next}";`,
      sourcesLine: `{ id: "listing-prefill", version: ${next}, text: listingPrefillV${next}.text },`,
    });
  });

  it("writes a file whose text is exactly the draft, whatever it holds, so the lock hash is right", () => {
    const awkward = "Use `code`, a backslash \\n, a ${placeholder} and $ signs.\nSecond line ```fenced```.";
    const publish = publishInstructions(awkward, "listing-prefill", 7);
    expect(textOfFile(publish.fileText)).toBe(awkward);
    expect(hashPromptText(textOfFile(publish.fileText))).toBe(publish.lockHash);
    expect(publish.fileText).not.toContain("import");
  });

  it("keeps the category list in step with lib/listings, as v1 does, without changing the text", () => {
    const v1 = getPrompt("listing-prefill", 1).text;
    const publish = publishInstructions(`${v1}\nAlso: be brief.`, "listing-prefill", 2);
    expect(publish.fileText).toContain('import { CATEGORIES } from "@/lib/listings/options";');
    expect(publish.fileText).toContain('${CATEGORIES.join(", ")}');
    expect(textOfFile(publish.fileText)).toBe(`${v1}\nAlso: be brief.`);
    expect(publish.lockHash).toBe(hashPromptText(`${v1}\nAlso: be brief.`));
  });

  it("escapes only what a template literal would read", () => {
    expect(escapeTemplateText("a`b\\c${d}$e")).toBe("a\\`b\\\\c\\${d}$e");
  });
});
