import type { Metadata } from "next";
import Link from "next/link";
import { DeleteDraftButton, DraftExperimentForm } from "@/components/console/playground/draft-actions";
import { PlaygroundUpload } from "@/components/console/playground/playground-upload";
import { PlaygroundWorkbench } from "@/components/console/playground/playground-workbench";
import { getLiveConfig } from "@/lib/ai/live-prompt";
import { listSelectableModels, resolveModelConfig } from "@/lib/ai/models";
import { listPromptVersions } from "@/lib/ai/prompts";
import { requireAdminPage } from "@/lib/auth/admin";
import { listDatasets } from "@/lib/db/queries/eval-datasets";
import { listPlaygroundDrafts } from "@/lib/db/queries/playground-drafts";
import { env } from "@/lib/env";
import { imageUrl } from "@/lib/images";
import { loadStoredDataset } from "@/lib/evals/dataset-store";
import { PLAYGROUND_PROMPT_ID } from "@/lib/playground/drafts";
import { loadPlaygroundSource } from "@/lib/playground/photo-source";
import { publishInstructions } from "@/lib/playground/publish-file";

export const metadata: Metadata = { title: "Playground" };

const card = "rounded-xl bg-white p-4 shadow-sm";
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 200) : undefined);

export default async function PlaygroundPage({ searchParams }: PageProps<"/console/playground">) {
  const query = await searchParams;
  const admin = await requireAdminPage("/console/playground");
  const source = { call: one(query.call), dataset: one(query.dataset), case: one(query.case), photo: one(query.photo) };
  const [photoSource, drafts, datasets, live, pickedDataset] = await Promise.all([
    loadPlaygroundSource(source),
    listPlaygroundDrafts(admin.id, PLAYGROUND_PROMPT_ID),
    listDatasets(),
    getLiveConfig(PLAYGROUND_PROMPT_ID),
    source.dataset ? loadStoredDataset(...datasetRef(source.dataset)) : null,
  ]);
  const versions = listPromptVersions(PLAYGROUND_PROMPT_ID);
  const models = listSelectableModels(env);
  const configured = resolveModelConfig(env, live.modelId ?? undefined);
  const defaultModel = configured.ok ? configured.config.id : (models[0] ?? "");
  const datasetNames = [...new Set(datasets.map((dataset) => dataset.name))];
  const asked = Object.values(source).some(Boolean);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Playground</h1>
        <p className="max-w-3xl text-sm text-stone-600">
          Try prompts and models on real photos before a seller gets them: up to three columns, each a prompt (a published version or a draft) × a model × a
          temperature, streamed as the sell page fills its form. Every run is logged as a <code>playground</code> call, apart from live monitoring, and counts
          against your own playground limit.
        </p>
      </div>

      <section aria-labelledby="photo-heading" className={card}>
        <h2 id="photo-heading" className="mb-3 font-semibold">Photo</h2>
        {photoSource ? (
          <div className="flex flex-wrap items-start gap-4" data-testid="playground-source">
            {photoSource.photos.map((photo, index) => (
              // eslint-disable-next-line @next/next/no-img-element -- stored images are already WebP at their display size
              <img key={photo.id} src={imageUrl(photo.storageKey, "thumb")} alt={`Playground photo ${index + 1}`} className="h-32 rounded-lg" />
            ))}
            <div className="text-sm">
              <p>{photoSource.description}</p>
              {photoSource.sourceCallId && (
                <Link href={`/console/calls/${photoSource.sourceCallId}`} className="underline">
                  Open the call
                </Link>
              )}
              {photoSource.expected && (
                <p className="mt-1 text-stone-600" data-testid="expected-case">
                  Expected: {photoSource.expected.category}, “{photoSource.expected.item}”, €{photoSource.expected.price_eur.min}–{photoSource.expected.price_eur.max}, keywords{" "}
                  {photoSource.expected.keywords.join(", ")}.
                </p>
              )}
            </div>
          </div>
        ) : (
          <p className="text-sm text-stone-600" data-testid="no-photo">
            {asked ? "That photo is not stored any more (or never was). Choose another below." : "No photo chosen yet."} Open one from a call (&ldquo;Open in
            playground&rdquo; on every call and review item), pick an evaluation case, or upload one.
          </p>
        )}
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <form method="get" action="/console/playground" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Photo from an evaluation case">
            <label className="flex flex-col gap-1 font-medium">
              Dataset
              <select name="dataset" defaultValue={source.dataset ?? ""} className="rounded-md border border-stone-300 bg-white px-2 py-1 font-normal">
                <option value="" disabled>
                  choose…
                </option>
                {datasets.map((dataset) => (
                  <option key={dataset.id} value={`${dataset.name}@${dataset.version}`}>
                    {dataset.name} v{dataset.version} ({dataset.caseCount} cases)
                  </option>
                ))}
              </select>
            </label>
            {pickedDataset && (
              <label className="flex flex-col gap-1 font-medium">
                Case
                <select name="case" defaultValue={source.case ?? ""} className="rounded-md border border-stone-300 bg-white px-2 py-1 font-normal">
                  {pickedDataset.cases.map((evalCase) => (
                    <option key={evalCase.id}>{evalCase.id}</option>
                  ))}
                </select>
              </label>
            )}
            <button type="submit" className="rounded-md border border-stone-300 px-3 py-1 font-medium">
              {pickedDataset ? "Use this case" : "Show its cases"}
            </button>
          </form>
          <PlaygroundUpload />
        </div>
      </section>

      <PlaygroundWorkbench
        // A new photo starts a fresh bench.
        key={photoSource?.photos.map((photo) => photo.id).join(",") ?? "none"}
        imageIds={photoSource?.photos.map((photo) => photo.id) ?? []}
        sourceCallId={photoSource?.sourceCallId ?? null}
        published={photoSource?.published ?? null}
        versions={versions.map((version) => ({ ref: `${version.id}@${version.version}`, text: version.text }))}
        drafts={drafts.map((draft) => ({ id: draft.id, name: draft.name, text: draft.text, hash: draft.hash }))}
        liveRef={`${live.prompt.id}@${live.prompt.version}`}
        models={models}
        defaultModel={defaultModel}
        datasets={datasetNames}
      />

      <section aria-labelledby="drafts-heading" className={card}>
        <h2 id="drafts-heading" className="mb-1 font-semibold">Your saved drafts</h2>
        <p className="mb-3 max-w-3xl text-sm text-stone-600">
          Publishing writes nothing from here. A prompt version is reviewed code: the text sellers get must be the text someone read in a pull request, and a
          published version never changes (a test holds every version to <code>lib/ai/prompts/prompts.lock.json</code>, so a call&rsquo;s recorded hash always
          says what the model was told). &ldquo;Publish as version N&rdquo; shows the file and the lock entry to commit; once merged and deployed, make it live
          on Prompts or roll it out to a share of sellers on Rollouts.
        </p>
        {drafts.length === 0 ? (
          <p className="text-sm text-stone-600" data-testid="no-drafts">
            No saved drafts yet.
          </p>
        ) : (
          <ul className="flex flex-col gap-4">
            {drafts.map((draft) => {
              const publish = publishInstructions(draft.text, draft.promptId);
              return (
                <li key={draft.id} className="rounded-lg border border-stone-200 p-3" data-testid="saved-draft" data-name={draft.name}>
                  <p className="font-medium">
                    {draft.name} <span className="font-mono text-xs text-stone-500">{draft.hash}</span>
                  </p>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm font-medium">Publish as version {publish.version}</summary>
                    <div className="mt-2 flex flex-col gap-2 text-sm" data-testid="publish-instructions">
                      <p>
                        1. Add <code>{publish.path}</code>:
                      </p>
                      <pre className="max-h-72 overflow-auto rounded bg-stone-50 p-2 text-xs whitespace-pre-wrap" data-testid="publish-file">
                        {publish.fileText}
                      </pre>
                      <p>
                        2. In <code>lib/ai/prompts/index.ts</code>, import it and add it to <code>SOURCES</code>:
                      </p>
                      <pre className="rounded bg-stone-50 p-2 text-xs">{`${publish.importLine}\n${publish.sourcesLine}`}</pre>
                      <p>
                        3. Add the lock entry to <code>lib/ai/prompts/prompts.lock.json</code>:
                      </p>
                      <pre className="rounded bg-stone-50 p-2 text-xs" data-testid="publish-lock">{`"${publish.lockKey}": "${publish.lockHash}"`}</pre>
                      <p className="text-stone-600">Then open a pull request; after review and deploy, pick it on Prompts or start a rollout.</p>
                    </div>
                  </details>
                  <div className="mt-3">
                    <DraftExperimentForm draftId={draft.id} draftName={draft.name} datasets={datasetNames} models={models} defaultModel={defaultModel} />
                  </div>
                  <div className="mt-2">
                    <DeleteDraftButton draftId={draft.id} draftName={draft.name} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

function datasetRef(ref: string): [string, number | undefined] {
  const [name, version] = ref.split("@");
  return [name, version && /^\d+$/.test(version) ? Number(version) : undefined];
}
