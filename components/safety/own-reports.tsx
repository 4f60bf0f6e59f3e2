import Link from "next/link";
import type { OwnReport } from "@/lib/db/queries/safety";
import { REPORT_REASON_LABELS } from "@/lib/db/safety-vocabulary";

const reportedOn = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium" });

/** The person's own reports and what became of each (each decision is also a notification). */
export function OwnReports({ reports }: { reports: OwnReport[] }) {
  return (
    <section id="your-reports" aria-labelledby="own-reports-heading" className="mt-10 flex flex-col gap-3">
      <h2 id="own-reports-heading" className="text-lg font-semibold">
        Your reports
      </h2>
      <ul className="flex flex-col gap-2">
        {reports.map((report) => {
          const href = report.kind === "listing" ? `/listings/${report.listingId}` : `/messages/${report.conversationId}`;
          return (
            <li key={report.id} data-testid="own-report" data-status={report.status} className="rounded-xl border border-stone-200 bg-white p-3 text-sm">
              <p>
                <Link href={href} className="font-medium hover:underline">
                  {report.kind === "listing" ? (report.listingTitle ?? "A listing") : `A conversation about ${report.listingTitle ?? "a listing"}`}
                </Link>{" "}
                <span className="text-stone-500">
                  · {REPORT_REASON_LABELS[report.reason]} · {reportedOn.format(report.createdAt)}
                </span>
              </p>
              <p className="text-stone-700" data-testid="own-report-outcome">
                {report.status === "open" ? "Received: a moderator will look at it." : (report.decision ?? "A moderator has reviewed it.")}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
