import { diffLines } from "diff";

/** A line diff between two prompt texts: removed lines red, added lines green. */
export function PromptDiff({ before, after }: { before: string; after: string }) {
  const parts = diffLines(before, after);
  return (
    <pre className="overflow-x-auto rounded-lg bg-white p-3 text-xs leading-relaxed whitespace-pre-wrap" data-testid="prompt-diff">
      {parts.map((part, index) => (
        <span
          key={index}
          className={part.added ? "block bg-green-100 text-green-900" : part.removed ? "block bg-red-100 text-red-900 line-through" : "block text-stone-700"}
        >
          {part.value
            .replace(/\n$/, "")
            .split("\n")
            .map((line) => `${part.added ? "+ " : part.removed ? "- " : "  "}${line}`)
            .join("\n")}
        </span>
      ))}
    </pre>
  );
}
