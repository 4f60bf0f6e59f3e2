import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type Column } from "@/components/console/data-table";
import { StartRolloutForm } from "@/components/console/rollout-forms";
import { PREFILL_FEATURE } from "@/lib/ai/prefill-contract";
import { getLiveConfig } from "@/lib/ai/live-prompt";
import { listPromptVersions } from "@/lib/ai/prompts";
import { requireAdminPage } from "@/lib/auth/admin";
import { listExperiments } from "@/lib/db/queries/rollouts";

export const metadata: Metadata = { title: "Rollouts" };

const dateTime = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short" });

const ROLLOUT_COLUMNS: Column<Awaited<ReturnType<typeof listExperiments>>[number]>[] = [
  { header: "Name", cell: (experiment) => experiment.name, link: true },
  { header: "Status", cell: (experiment) => experiment.status },
  {
    header: "Variants",
    cell: (experiment) =>
      experiment.variants.map((variant) => `${variant.key}: ${variant.promptId}@${variant.promptVersion}${variant.modelId ? ` · ${variant.modelId}` : ""}`).join(" | "),
  },
  { header: "Started", cell: (experiment) => dateTime.format(experiment.createdAt) },
];

export default async function RolloutsPage() {
  await requireAdminPage("/console/rollouts");
  const [experiments, live] = await Promise.all([listExperiments(), getLiveConfig(PREFILL_FEATURE)]);
  const active = experiments.find((experiment) => experiment.status !== "stopped");
  const prompts = listPromptVersions(PREFILL_FEATURE).map((prompt) => `${prompt.id}@${prompt.version}`);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Rollouts</h1>
        <p className="text-sm text-stone-600">
          A/B experiments on the live pre-fill: a candidate prompt version or model gets a sticky share of sellers, control the rest.
        </p>
      </div>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="start-heading">
        <h2 id="start-heading" className="mb-3 font-semibold">Start an experiment</h2>
        {active ? (
          <p className="text-sm">
            <Link href={`/console/rollouts/${active.id}`} className="underline" data-testid="active-rollout">
              {active.name}
            </Link>{" "}
            is {active.status}. Stop it before starting another.
          </p>
        ) : (
          <StartRolloutForm prompts={prompts} control={`${live.prompt.id}@${live.prompt.version} with ${live.modelId ?? "the configured model"}`} />
        )}
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm" aria-labelledby="list-heading">
        <h2 id="list-heading" className="mb-3 font-semibold">Experiments</h2>
        <DataTable
          columns={ROLLOUT_COLUMNS}
          rows={experiments}
          rowKey={(experiment) => experiment.id}
          rowHref={(experiment) => `/console/rollouts/${experiment.id}`}
          testId="rollouts-table"
          empty="None yet."
        />
      </section>
    </div>
  );
}
