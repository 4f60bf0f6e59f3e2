import { describe, expect, it } from "vitest";
import type { ImplicitFeedback } from "@/lib/db/json-columns";
import { computeRolloutResults, type ExposureRow } from "./results";

// Two fields, one kept: the keep rate is easy to check by hand.
const TWO_FIELDS = { title: "kept", price: "changed" } as ImplicitFeedback["fields"];
const now = Date.parse("2026-11-30T12:00:00Z");
const old = new Date(now - 2 * 24 * 3600 * 1000);

function row(variantKey: string, userId: string, published: boolean, extra: Partial<ExposureRow> = {}): ExposureRow {
  return {
    variantKey,
    userId,
    createdAt: old,
    published,
    status: variantKey === "holdout" ? null : "ok",
    latencyMs: variantKey === "holdout" ? null : 1000,
    costUsd: variantKey === "holdout" ? null : 0.001,
    feedbackRating: null,
    outcome: published && variantKey !== "holdout" ? { fields: TWO_FIELDS, titleEditDistance: 0, categoryChanged: false, descriptionEditDistance: 0.5, priceLogError: 0.2 } : null,
    ...extra,
  };
}

describe("rollout results", () => {
  it("counts sellers, requests and calls per variant, and computes the metrics on a known set", () => {
    const rows = [
      row("A", "u1", true),
      row("A", "u1", false),
      row("A", "u2", false, { feedbackRating: -1 }),
      row("B", "u3", true, { feedbackRating: 1, latencyMs: 3000 }),
      row("B", "u4", true),
      row("holdout", "u5", false),
    ];
    const results = computeRolloutResults(rows, ["A", "B"], "A", now);
    expect(results.variants).toEqual([
      { key: "A", sellers: 2, requests: 3, calls: 3, unknownCost: false },
      { key: "B", sellers: 2, requests: 2, calls: 2, unknownCost: false },
      { key: "holdout", sellers: 1, requests: 1, calls: 0, unknownCost: false },
    ]);
    const metric = (id: string) => results.metrics.find((candidate) => candidate.id === id)!;
    expect(metric("publishRate").values).toEqual({ A: 1 / 3, B: 1, holdout: 0 });
    expect(metric("abandonment").values).toEqual({ A: 2 / 3, B: 0, holdout: 1 });
    expect(metric("keptFields").values).toEqual({ A: 0.5, B: 0.5, holdout: null });
    expect(metric("thumbsUp").values).toEqual({ A: 0, B: 1, holdout: null });
    expect(metric("latencyP95").values.B).toBe(3000);
    expect(metric("costPerPublished").values.A).toBeCloseTo(0.003);
    // Two sellers a side is too little evidence for a verdict, whatever the difference.
    expect(metric("publishRate").comparisons.B.verdict).toBe("not enough data yet");
    expect(metric("publishRate").comparisons.holdout).toBeDefined();
    expect(metric("keptFields").comparisons.holdout).toBeUndefined();
  });

  it("gives a verdict once enough sellers show a clear difference", () => {
    const rows = Array.from({ length: 30 }, (_, index) => [
      row("A", `a${index}`, index % 4 === 0),
      row("B", `b${index}`, index % 4 !== 0),
    ]).flat();
    const results = computeRolloutResults(rows, ["A", "B"], "A", now);
    const publish = results.metrics.find((metric) => metric.id === "publishRate")!;
    expect(publish.comparisons.B.verdict).toBe("better");
    const abandonment = results.metrics.find((metric) => metric.id === "abandonment")!;
    // Fewer abandoned sessions is the better direction.
    expect(abandonment.comparisons.B.verdict).toBe("better");
  });
});
