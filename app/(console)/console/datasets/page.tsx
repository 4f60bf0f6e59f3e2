import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/lib/auth/admin";
import { listDatasets } from "@/lib/db/queries/eval-datasets";
import { imageUrl } from "@/lib/images";
import { loadStoredDataset } from "@/lib/evals/dataset-store";

export const metadata: Metadata = { title: "Datasets" };

const dateTime = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short" });

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
        {versions.length === 0 ? (
          <p className="text-sm text-stone-600">No datasets yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-stone-500">
              <tr>
                <th>Dataset</th>
                <th>Version</th>
                <th>Cases</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((row) => (
                <tr key={row.id} className="border-t border-stone-100" data-testid="dataset-row">
                  <td className="py-1.5">
                    <Link href={`/console/datasets?name=${encodeURIComponent(row.name)}&version=${row.version}`} className="underline">
                      {row.name}
                    </Link>
                  </td>
                  <td>v{row.version}</td>
                  <td>{row.caseCount}</td>
                  <td>{dateTime.format(row.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
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
