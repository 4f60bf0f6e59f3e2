import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireAdminPage } from "@/lib/auth/admin";
import { listSuggestionFeedback } from "@/lib/db/queries/ai-calls";
import { imageUrl } from "@/lib/images";
import { CALLS_PAGE_SIZE } from "@/lib/db/call-filters";
import { dateTime, formatNumber } from "@/lib/monitoring/format";

export const metadata: Metadata = { title: "Feedback" };

const paramsSchema = z.object({
  rating: z.enum(["down", "up"]).catch("down"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export default async function FeedbackPage({ searchParams }: PageProps<"/console/feedback">) {
  await requireAdminPage("/console/feedback");
  const { rating, page } = paramsSchema.parse(await searchParams);
  const { rows, total } = await listSuggestionFeedback(rating === "down" ? -1 : 1, page);
  const pages = Math.ceil(total / CALLS_PAGE_SIZE);
  const href = (next: { rating?: string; page?: number }) => `/console/feedback?rating=${next.rating ?? rating}${next.page && next.page > 1 ? `&page=${next.page}` : ""}`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Feedback</h1>
          <p className="text-sm text-stone-600">What sellers said about the suggestions they were shown, newest first.</p>
        </div>
        <nav aria-label="Rating" className="flex gap-1 text-sm">
          {(["down", "up"] as const).map((option) => (
            <Link
              key={option}
              href={href({ rating: option, page: 1 })}
              aria-current={option === rating ? "page" : undefined}
              className="rounded-full border border-stone-300 px-3 py-0.5 aria-[current=page]:border-stone-900 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white"
            >
              {option === "down" ? "Thumbs down" : "Thumbs up"}
            </Link>
          ))}
        </nav>
      </div>

      <section aria-labelledby="feedback-heading" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="feedback-heading" className="mb-3 font-semibold">
          {formatNumber(total)} {rating === "down" ? "thumbs down" : "thumbs up"}
        </h2>
        {rows.length === 0 ? (
          <p className="text-sm text-stone-600">None yet.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-stone-100">
            {rows.map((row) => (
              <li key={row.callId} className="flex gap-3 py-3" data-testid="feedback-item">
                {row.imageKey ? (
                  // eslint-disable-next-line @next/next/no-img-element -- stored thumbnails are already small WebP
                  <img src={imageUrl(row.imageKey, "thumb")} alt="" width={56} height={56} className="h-14 w-14 shrink-0 rounded object-cover" />
                ) : (
                  <div className="h-14 w-14 shrink-0 rounded bg-stone-100" />
                )}
                <div className="flex min-w-0 flex-col gap-0.5 text-sm">
                  <p className={row.reason ? "font-medium" : "text-stone-500 italic"} data-testid="feedback-reason">
                    {row.reason ?? "No reason given."}
                  </p>
                  <p className="text-stone-600">
                    On “{row.title ?? "no suggestion"}” · <span className="font-mono text-xs">{row.modelId}</span>
                    {row.promptId && ` · ${row.promptId}@${row.promptVersion}`}
                    {row.publishedAt && " · published anyway"}
                  </p>
                  <p className="text-xs text-stone-500">
                    {row.feedbackAt && `${dateTime.format(row.feedbackAt)} UTC`} · {row.userEmail ?? "unknown seller"} ·{" "}
                    <Link href={`/console/calls/${row.callId}`} className="underline">
                      View call
                    </Link>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 && (
          <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
            {page > 1 && (
              <Link href={href({ page: page - 1 })} className="underline">
                ← Newer
              </Link>
            )}
            <span>
              Page {page} of {formatNumber(pages)}
            </span>
            {page < pages && (
              <Link href={href({ page: page + 1 })} className="underline">
                Older →
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
