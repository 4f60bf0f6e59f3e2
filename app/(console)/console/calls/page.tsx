import type { Metadata } from "next";
import Link from "next/link";
import { CallStatusBadge, FeedbackMark } from "@/components/console/call-badges";
import { DataTable, type Column } from "@/components/console/data-table";
import { requireAdminPage } from "@/lib/auth/admin";
import { getAiCallFilterOptions, listAiCalls } from "@/lib/db/queries/ai-calls";
import { refreshAiCallRollups } from "@/lib/db/queries/ai-call-rollups";
import { imageUrl } from "@/lib/images";
import { CATEGORIES } from "@/lib/listings/options";
import { CALLS_COUNT_LIMIT, CALLS_PAGE_SIZE, callFiltersQuery, callFiltersSchema, type CallFilters } from "@/lib/db/call-filters";
import { dateTime, formatMs, formatNumber, formatUsd } from "@/lib/monitoring/format";

export const metadata: Metadata = { title: "Calls" };

const field = "rounded-md border border-stone-300 bg-white px-2 py-1";

type CallRow = Awaited<ReturnType<typeof listAiCalls>>["rows"][number];

const CALL_COLUMNS: Column<CallRow>[] = [
  { header: "Time (UTC)", cell: (call) => dateTime.format(call.createdAt), link: true, className: "whitespace-nowrap" },
  {
    header: "Photo",
    cell: (call) =>
      call.imageKey ? (
        // eslint-disable-next-line @next/next/no-img-element -- stored thumbnails are already small WebP
        <img src={imageUrl(call.imageKey, "thumb")} alt="" width={40} height={40} className="h-10 w-10 rounded object-cover" />
      ) : (
        "–"
      ),
  },
  {
    header: "Status",
    cell: (call) => (
      <>
        <CallStatusBadge status={call.status} />
        {call.synthetic && (
          <span className="ml-1 rounded bg-stone-100 px-1 text-xs text-stone-600" data-testid="call-synthetic">
            synthetic
          </span>
        )}
      </>
    ),
  },
  { header: "Suggested title", cell: (call) => call.title ?? "–", className: "max-w-64 truncate" },
  { header: "Category", cell: (call) => call.category ?? "–" },
  { header: "Model", cell: (call) => call.modelId, className: "font-mono text-xs whitespace-nowrap" },
  { header: "Prompt", cell: (call) => (call.promptId ? `${call.promptId}@${call.promptVersion}` : "–"), className: "whitespace-nowrap" },
  { header: "Latency", cell: (call) => formatMs(call.latencyMs), numeric: true, className: "whitespace-nowrap" },
  { header: "Tokens", cell: (call) => (call.inputTokens === null ? "–" : formatNumber(call.inputTokens + (call.outputTokens ?? 0))), numeric: true },
  { header: "Cost", cell: (call) => formatUsd(call.costUsd), numeric: true },
  { header: "Feedback", cell: (call) => <FeedbackMark rating={call.feedbackRating} /> },
  { header: "Published", cell: (call) => (call.publishedAt ? "yes" : "–") },
  { header: "Seller", cell: (call) => call.userEmail ?? "–", className: "max-w-48 truncate text-xs" },
];

export default async function CallsPage({ searchParams }: PageProps<"/console/calls">) {
  await requireAdminPage("/console/calls");
  const filters = callFiltersSchema.parse(await searchParams);
  // The filter choices come from the roll-ups: bring them up to date first.
  await refreshAiCallRollups();
  const [{ rows, total }, options] = await Promise.all([listAiCalls(filters), getAiCallFilterOptions()]);
  const pages = Math.ceil(Math.min(total, CALLS_COUNT_LIMIT) / CALLS_PAGE_SIZE);
  const { page: _page, ...activeFilters } = filters;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Calls</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 text-sm shadow-sm" data-testid="call-filters" aria-label="Filter calls">
        <Select name="status" label="Status" value={filters.status} options={["ok", "invalid", "error"]} />
        <Select name="model" label="Model" value={filters.model} options={options.models} />
        <Select name="prompt" label="Prompt version" value={filters.prompt} options={options.prompts} />
        <Select name="category" label="Category" value={filters.category} options={[...CATEGORIES]} />
        <Select name="feedback" label="Feedback" value={filters.feedback} options={["up", "down", "none"]} />
        <Select name="feature" label="Feature" value={filters.feature} options={options.features} />
        <label className="flex flex-col gap-1">
          Synthetic calls
          <select name="synthetic" defaultValue={filters.synthetic ?? ""} className={field}>
            <option value="">Hidden</option>
            <option value="include">Included</option>
            <option value="only">Only</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          From
          <input type="date" name="from" defaultValue={filters.from} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          To
          <input type="date" name="to" defaultValue={filters.to} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          Title contains
          <input type="search" name="q" defaultValue={filters.q} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          Seller email
          <input type="email" name="user" defaultValue={filters.user} className={field} />
        </label>
        <button type="submit" className="rounded-md bg-stone-900 px-3 py-1.5 font-medium text-white">
          Filter
        </button>
        <Link href="/console/calls" className="py-1.5 underline">
          Clear
        </Link>
      </form>

      <section aria-labelledby="calls-heading" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="calls-heading" className="mb-3 font-semibold" data-testid="calls-total">
          {total > CALLS_COUNT_LIMIT ? `More than ${formatNumber(CALLS_COUNT_LIMIT)} calls` : `${formatNumber(total)} ${total === 1 ? "call" : "calls"}`}
        </h2>
        <DataTable columns={CALL_COLUMNS} rows={rows} rowKey={(call) => call.id} rowHref={(call) => `/console/calls/${call.id}`} rowTestId="call-row" empty="No calls match these filters." />
        <Pager filters={activeFilters} page={filters.page} pages={pages} />
      </section>
    </div>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: string[] }) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <select name={name} defaultValue={value ?? ""} className={field}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </label>
  );
}

function Pager({ filters, page, pages }: { filters: Omit<CallFilters, "page">; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={`/console/calls${callFiltersQuery(filters, page - 1)}`} className="underline">
          ← Newer
        </Link>
      )}
      <span>
        Page {page} of {formatNumber(pages)}
      </span>
      {page < pages && (
        <Link href={`/console/calls${callFiltersQuery(filters, page + 1)}`} className="underline">
          Older →
        </Link>
      )}
    </nav>
  );
}
