import { describe, expect, it } from "vitest";
import { claimSchema, hideListingSchema, reportSchema, suspendUserSchema } from "./safety-schemas";

const id = "7f1c7a52-8f3c-4c55-9a36-0c2b8f6f2d11";

describe("the report form", () => {
  it("needs a reason from the list; the note is optional, trimmed and bounded", () => {
    expect(reportSchema.safeParse({ kind: "listing", targetId: id, reason: "", note: "" }).error?.issues[0].message).toBe("Choose a reason.");
    expect(reportSchema.safeParse({ kind: "listing", targetId: id, reason: "scam" }).data).toEqual({ kind: "listing", targetId: id, reason: "scam", note: "" });
    expect(reportSchema.safeParse({ kind: "listing", targetId: id, reason: "scam", note: "  fake\u0000  " }).data?.note).toBe("fake");
    expect(reportSchema.safeParse({ kind: "listing", targetId: id, reason: "scam", note: "x".repeat(1001) }).success).toBe(false);
    expect(reportSchema.safeParse({ kind: "user", targetId: id, reason: "scam" }).success).toBe(false);
  });
});

describe("moderator decisions", () => {
  it("always say why", () => {
    expect(hideListingSchema.safeParse({ listingId: id, itemId: "", reason: " " }).error?.issues[0].message).toBe("Say why, for the audit log.");
    expect(hideListingSchema.safeParse({ listingId: id, itemId: "", reason: "Counterfeit" }).data).toEqual({ listingId: id, itemId: null, reason: "Counterfeit" });
    expect(claimSchema.safeParse({ itemId: id, reason: "" }).data?.reason).toBe("Took the item from the queue.");
  });

  it("suspend for whole days, or permanently when no days are given", () => {
    const base = { userId: "u1", itemId: "", reason: "Scams" };
    expect(suspendUserSchema.safeParse({ ...base, days: "7" }).data?.days).toBe(7);
    expect(suspendUserSchema.safeParse({ ...base, days: "" }).data?.days).toBeNull();
    expect(suspendUserSchema.safeParse(base).data?.days).toBeNull();
    expect(suspendUserSchema.safeParse({ ...base, days: "0" }).success).toBe(false);
    expect(suspendUserSchema.safeParse({ ...base, days: "1.5" }).success).toBe(false);
    expect(suspendUserSchema.safeParse({ ...base, days: "abc" }).success).toBe(false);
  });
});
