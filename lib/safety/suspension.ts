import { getActiveSuspension, type ActiveSuspension } from "@/lib/db/queries/safety";

// What a suspension means for someone: they can sign in and read, but not publish or write.

const DAY_MS = 86_400_000;

/** When a suspension of `days` days that starts at `now` ends; null days means permanent. */
export function suspensionEnd(days: number | null, now = new Date()): Date | null {
  return days === null ? null : new Date(now.getTime() + days * DAY_MS);
}

const untilFormat = new Intl.DateTimeFormat("en-IE", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/** "until 5 December 2026 at 10:00 UTC" or "permanently". */
export function describeSuspensionEnd(endsAt: Date | null): string {
  return endsAt ? `until ${untilFormat.format(endsAt)} UTC` : "permanently";
}

/** The message a suspended person sees when they try to `what` ("publish listings", "send messages"). */
export function suspendedMessage(suspension: Pick<ActiveSuspension, "endsAt" | "reason">, what: string): string {
  return `Your account is suspended ${describeSuspensionEnd(suspension.endsAt)}: you can still sign in and read, but not ${what}. Reason: ${suspension.reason}`;
}

/** For actions a suspended person may not take: the message to refuse with, or null when they may. */
export async function suspensionRefusal(userId: string, what: string): Promise<string | null> {
  const suspension = await getActiveSuspension(userId);
  return suspension ? suspendedMessage(suspension, what) : null;
}
