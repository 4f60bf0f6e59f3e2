import { describe, expect, it } from "vitest";
import { describeSuspensionEnd, suspendedMessage, suspensionEnd } from "./suspension";

describe("suspensions", () => {
  const now = new Date("2026-12-03T10:00:00Z");

  it("ends N whole days later, or never when permanent", () => {
    expect(suspensionEnd(7, now)?.toISOString()).toBe("2026-12-10T10:00:00.000Z");
    expect(suspensionEnd(null, now)).toBeNull();
  });

  it("tells the person how long and why, and what they can still do", () => {
    expect(describeSuspensionEnd(null)).toBe("permanently");
    const message = suspendedMessage({ endsAt: suspensionEnd(2, now), reason: "Repeated scam reports." }, "publish listings");
    expect(message).toContain("until 5 December 2026");
    expect(message).toContain("not publish listings");
    expect(message).toContain("Repeated scam reports.");
  });
});
