import { REPORT_REASON_LABELS, type ReportReason } from "@/lib/db/safety-vocabulary";

type OwnReport = { reason: ReportReason; status: "open" | "resolved"; decision: string | null; createdAt: Date };

const reportedOn = new Intl.DateTimeFormat("en-IE", { dateStyle: "medium" });

/** What became of the caller's own report: received, or what a moderator decided. */
export function OwnReportStatus({ report }: { report: OwnReport }) {
  return (
    <p data-testid="own-report-status" data-status={report.status} className="rounded-lg border border-stone-200 bg-white px-3 py-2 text-sm text-stone-700">
      You reported this on {reportedOn.format(report.createdAt)} ({REPORT_REASON_LABELS[report.reason]}).{" "}
      {report.status === "open" ? "Received: a moderator will look at it." : (report.decision ?? "A moderator has reviewed it.")}
    </p>
  );
}
