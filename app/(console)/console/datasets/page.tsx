import type { Metadata } from "next";
import { DataTable, type Column } from "@/components/console/data-table";
import { requireAdminPage } from "@/lib/auth/admin";
import { listDatasets } from "@/lib/db/queries/eval-datasets";
import { imageUrl } from "@/lib/images";
import { loadStoredDataset } from "@/lib/evals/dataset-store";

export const metadata: Metadata = { title: "Datasets" };

const dateTime = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short" });

const DATASET_COLUMNS: Column<Awaited<ReturnType<typeof listDatasets>>[number]>[] = [
  { header: "Dataset", cell: (row) => row.name, link: true },
  { header: "Version", cell: (row) => `v${row.version}` },
  { header: "Cases", cell: (row) => row.caseCount },
  { header: "Created", cell: (row) => dateTime.format(row.createdAt) },
];

export default async function DatasetsPage({ searchParams }: PageProps<"/console/datasets">) {
  await requireAdminPage("/console/datasets");
  const params = await searchParams;
  const versions = await listDatasets();
  const name = typeof params.name === "string" ? params.name : undefined;
  const version = typeof params.version === "string" ? Number(params.version) : undefined;
  const shown = name ? await loadStoredDataset(name, version) : null;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Datasets</h1>
      <p className="text-sm text-stone-600">
        Import a folder with <code>npm run eval:import -- &lt;dir&gt; --name &lt;name&gt;</code>; export one with <code>npm run eval:export -- &lt;name&gt;[@version] &lt;dir&gt;</code>.
      </p>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <DataTable
          columns={DATASET_COLUMNS}
          rows={versions}
          rowKey={(row) => row.id}
          rowHref={(row) => `/console/datasets?name=${encodeURIComponent(row.name)}&version=${row.version}`}
          rowTestId="dataset-row"
          empty="No datasets yet."
        />
      </section>
      {shown && (
        <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="cases-heading">
          <h2 id="cases-heading" className="mb-3 font-semibold">
            {shown.name} v{shown.version}: {shown.cases.length} cases
          </h2>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6">
            {shown.cases.map((evalCase) => (
              <li key={evalCase.id} className="text-xs">
                {/* eslint-disable-next-line @next/next/no-img-element -- stored thumbnails are already small WebP */}
                <img src={imageUrl(evalCase.storageKey, "thumb")} alt={evalCase.item || evalCase.id} width={160} height={120} className="aspect-[4/3] w-full rounded object-cover" />
                <p className="mt-1 font-mono">{evalCase.id}</p>
                <p>
                  {evalCase.category}
                  {evalCase.accept.length > 0 && ` (or ${evalCase.accept.join(", ")})`} · €{evalCase.price_eur.min}–{evalCase.price_eur.max}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
