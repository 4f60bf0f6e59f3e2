import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it("says a reply time in the unit people think in", () => {
    expect(formatDuration(12)).toBe("a minute");
    expect(formatDuration(60)).toBe("1 minute");
    expect(formatDuration(5 * 60 + 20)).toBe("5 minutes");
    expect(formatDuration(2 * 3600 + 100)).toBe("2 hours");
    expect(formatDuration(3 * 86_400)).toBe("3 days");
  });
});
