import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { LiveConfigForm } from "@/components/console/live-config-form";
import { PromptDiff } from "@/components/console/prompt-diff";
import { getLiveConfig } from "@/lib/ai/live-prompt";
import { listPromptVersions } from "@/lib/ai/prompts";
import { requireAdminPage } from "@/lib/auth/admin";
import { getPromptLiveChanges } from "@/lib/db/queries/prompt-live";

export const metadata: Metadata = { title: "Prompts" };

const dateTime = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short" });

export default async function PromptsPage({ searchParams }: PageProps<"/console/prompts">) {
  await requireAdminPage("/console/prompts");
  const params = await searchParams;
  const promptIds = [...new Set(listPromptVersions().map((prompt) => prompt.id))];
  const promptId = typeof params.id === "string" && promptIds.includes(params.id) ? params.id : promptIds[0];
  const versions = listPromptVersions(promptId);
  const [live, changes] = await Promise.all([getLiveConfig(promptId), getPromptLiveChanges(promptId)]);
  const pick = (value: unknown, fallback: number) => versions.find((prompt) => String(prompt.version) === value) ?? versions.find((prompt) => prompt.version === fallback)!;
  const shown = pick(params.v, live.prompt.version);
  const compareFrom = typeof params.from === "string" ? pick(params.from, shown.version) : null;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Prompts</h1>
      <nav aria-label="Prompt" className="flex gap-2 text-sm">
        {promptIds.map((id) => (
          <Link key={id} href={`/console/prompts?id=${id}`} aria-current={id === promptId ? "page" : undefined} className="rounded-full border px-3 py-1 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white">
            {id}
          </Link>
        ))}
      </nav>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="live-heading">
        <h2 id="live-heading" className="mb-1 font-semibold">Live</h2>
        <p className="mb-3 text-sm text-stone-600" data-testid="live-summary">
          {promptId}@{live.prompt.version} with {live.modelId ?? "the configured model"}
          {live.pinned ? " (set in the console)" : " (default: the newest version)"}
        </p>
        <LiveConfigForm promptId={promptId} versions={versions.map((prompt) => prompt.version)} version={live.prompt.version} modelId={live.modelId} />
        {changes.length > 0 && (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-stone-700">Change log ({changes.length})</summary>
            <ul className="mt-2 flex flex-col gap-1" data-testid="live-changes">
              {changes.map(({ change, changedByName }) => (
                <li key={change.id}>
                  {dateTime.format(change.changedAt)}: {changedByName ?? "someone"} set v{change.version} with {change.modelId ?? "the configured model"}
                  {change.previousVersion !== null && ` (was v${change.previousVersion} with ${change.previousModelId ?? "the configured model"})`}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="mb-3 font-semibold">Versions</h2>
        <DataTable
          columns={[
            {
              header: "Version",
              cell: (prompt) => (
                <>
                  v{prompt.version} {prompt.version === live.prompt.version && <span className="ml-1 rounded bg-green-100 px-1.5 text-xs text-green-900">live</span>}
                </>
              ),
            },
            { header: "Hash", cell: (prompt) => prompt.hash, className: "font-mono text-xs" },
            { header: "Length", cell: (prompt) => `${prompt.text.length} chars` },
            {
              header: <span className="sr-only">Actions</span>,
              className: "flex gap-3",
              cell: (prompt) => (
                <>
                  <Link href={`/console/prompts?id=${promptId}&v=${prompt.version}`} className="underline">
                    Text
                  </Link>
                  {prompt.version !== shown.version && (
                    <Link href={`/console/prompts?id=${promptId}&v=${shown.version}&from=${prompt.version}`} className="underline">
                      Diff with v{shown.version}
                    </Link>
                  )}
                </>
              ),
            },
          ]}
          rows={versions}
          rowKey={(prompt) => String(prompt.version)}
          empty="No versions."
        />
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="text-heading">
        <h2 id="text-heading" className="mb-3 font-semibold">
          {compareFrom ? `Changes from v${compareFrom.version} to v${shown.version}` : `Text of v${shown.version}`}
        </h2>
        {compareFrom ? (
          <PromptDiff before={compareFrom.text} after={shown.text} />
        ) : (
          <pre className="overflow-x-auto rounded-lg bg-stone-50 p-3 text-xs whitespace-pre-wrap" data-testid="prompt-text">
            {shown.text}
          </pre>
        )}
      </section>
    </div>
  );
}
