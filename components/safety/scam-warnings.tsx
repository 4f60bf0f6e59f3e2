import { SCAM_WARNINGS, type ScamSignal } from "@/lib/safety/scam-patterns";

/** A calm note under a message that looks like a common scam; the message itself is still shown. */
export function ScamWarnings({ signals }: { signals: ScamSignal[] }) {
  return (
    <div role="note" data-testid="scam-warning" className="mt-1 flex flex-col gap-1 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200">
      <span className="font-medium">Take care</span>
      {signals.map((signal) => (
        <p key={signal}>{SCAM_WARNINGS[signal]}</p>
      ))}
    </div>
  );
}
