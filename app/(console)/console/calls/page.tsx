import type { Metadata } from "next";
import Link from "next/link";
import { CallStatusBadge, FeedbackMark } from "@/components/console/call-badges";
import { requireAdminPage } from "@/lib/auth/admin";
import { getAiCallFilterOptions, listAiCalls } from "@/lib/db/queries/ai-calls";
import { refreshAiCallRollups } from "@/lib/db/queries/ai-call-rollups";
import { imageUrl } from "@/lib/images";
import { CATEGORIES } from "@/lib/listings/options";
import { CALLS_COUNT_LIMIT, CALLS_PAGE_SIZE, callFiltersQuery, callFiltersSchema, type CallFilters } from "@/lib/monitoring/call-filters";
import { dateTime, formatMs, formatNumber, formatUsd } from "@/lib/monitoring/format";

export const metadata: Metadata = { title: "Calls" };

const field = "rounded-md border border-stone-300 bg-white px-2 py-1";

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
        {rows.length === 0 ? (
          <p className="text-sm text-stone-600">No calls match these filters.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm [&_td]:px-1.5 [&_th]:px-1.5 [&_th]:font-normal">
              <thead className="text-stone-500">
                <tr>
                  <th className="py-1">Time (UTC)</th>
                  <th>Photo</th>
                  <th>Status</th>
                  <th>Suggested title</th>
                  <th>Category</th>
                  <th>Model</th>
                  <th>Prompt</th>
                  <th className="text-right">Latency</th>
                  <th className="text-right">Tokens</th>
                  <th className="text-right">Cost</th>
                  <th>Feedback</th>
                  <th>Published</th>
                  <th>Seller</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((call) => (
                  <tr key={call.id} className="border-t border-stone-100 align-middle" data-testid="call-row">
                    <td className="py-1.5 whitespace-nowrap">
                      <Link href={`/console/calls/${call.id}`} className="underline">
                        {dateTime.format(call.createdAt)}
                      </Link>
                    </td>
                    <td>
                      {call.imageKey ? (
                        // eslint-disable-next-line @next/next/no-img-element -- stored thumbnails are already small WebP
                        <img src={imageUrl(call.imageKey, "thumb")} alt="" width={40} height={40} className="h-10 w-10 rounded object-cover" />
                      ) : (
                        "–"
                      )}
                    </td>
                    <td>
                      <CallStatusBadge status={call.status} />
                    </td>
                    <td className="max-w-64 truncate">{call.title ?? "–"}</td>
                    <td>{call.category ?? "–"}</td>
                    <td className="font-mono text-xs whitespace-nowrap">{call.modelId}</td>
                    <td className="whitespace-nowrap">{call.promptId ? `${call.promptId}@${call.promptVersion}` : "–"}</td>
                    <td className="text-right whitespace-nowrap tabular-nums">{formatMs(call.latencyMs)}</td>
                    <td className="text-right tabular-nums">{call.inputTokens === null ? "–" : formatNumber(call.inputTokens + (call.outputTokens ?? 0))}</td>
                    <td className="text-right tabular-nums">{formatUsd(call.costUsd)}</td>
                    <td>
                      <FeedbackMark rating={call.feedbackRating} />
                    </td>
                    <td>{call.publishedAt ? "yes" : "–"}</td>
                    <td className="max-w-48 truncate text-xs">{call.userEmail ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
