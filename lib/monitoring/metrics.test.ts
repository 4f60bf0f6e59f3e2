import { describe, expect, it } from "vitest";
import { latencyBin, latencyOfBin } from "@/lib/db/latency-bins";
import type { MetricSums } from "@/lib/db/queries/ai-call-rollups";
import { deriveMetrics, percentilesFromHistogram } from "./metrics";
import { DEFAULT_THRESHOLDS, findBreaches, readThresholds, thresholdsFormSchema } from "./thresholds";

const zero: MetricSums = {
  calls: 0, errors: 0, invalid: 0, answered: 0, latencyMsSum: 0, firstFieldCalls: 0, firstFieldMsSum: 0, tokenCalls: 0, inputTokens: 0,
  outputTokens: 0, costCalls: 0, costUsd: 0, emptyRequiredFields: 0, thumbsUp: 0, thumbsDown: 0, published: 0, publishedWithinDay: 0,
  titleEditDistanceSum: 0, descriptionEditDistanceSum: 0, categoryChanged: 0, priceErrorCalls: 0, priceLogErrorSum: 0, keptTitle: 0,
  keptDescription: 0, keptCategory: 0, keptCondition: 0, keptPrice: 0, keptBrand: 0, keptColour: 0, keptMaterial: 0, keptSize: 0,
  settledAnswered: 0, settledPublishedWithinDay: 0,
};

describe("latency bins", () => {
  it("put a latency in a bin whose middle is within 5% of it", () => {
    for (const ms of [1, 7, 120, 999, 1000, 1850, 4321, 20_000, 119_999]) {
      expect(Math.abs(latencyOfBin(latencyBin(ms)) - ms) / ms).toBeLessThanOrEqual(0.05);
    }
  });
});

describe("percentilesFromHistogram", () => {
  it("reads nearest-rank percentiles as the bins' middles", () => {
    // 10 calls: 5 in the 1 s bin, 4 in the 2 s bin, 1 in the 10 s bin.
    const histogram = [
      { bin: latencyBin(10_000), calls: 1 },
      { bin: latencyBin(1000), calls: 5 },
      { bin: latencyBin(2000), calls: 4 },
    ];
    expect(percentilesFromHistogram(histogram)).toEqual({ p50Ms: latencyOfBin(latencyBin(1000)), p95Ms: latencyOfBin(latencyBin(10_000)) });
  });

  it("has no percentiles without calls", () => {
    expect(percentilesFromHistogram([])).toEqual({ p50Ms: null, p95Ms: null });
  });
});

describe("deriveMetrics", () => {
  it("divides each sum by its own denominator", () => {
    const metrics = deriveMetrics(
      {
        ...zero,
        calls: 10, errors: 1, invalid: 2, answered: 7, firstFieldCalls: 7, firstFieldMsSum: 3500,
        tokenCalls: 9, inputTokens: 900, outputTokens: 270, costCalls: 6, costUsd: 0.006, emptyRequiredFields: 7,
        thumbsUp: 3, thumbsDown: 1, published: 4, titleEditDistanceSum: 0.8, descriptionEditDistanceSum: 2,
        categoryChanged: 1, priceErrorCalls: 2, priceLogErrorSum: 0.5, keptTitle: 3, keptPrice: 1,
        settledAnswered: 5, settledPublishedWithinDay: 3,
      },
      { p50Ms: 1000, p95Ms: 4000 },
    );
    expect(metrics).toMatchObject({
      calls: 10,
      errorRate: 0.1,
      invalidRate: 0.2,
      emptyRequiredShare: 7 / 28,
      latencyP50Ms: 1000,
      latencyP95Ms: 4000,
      firstFieldMeanMs: 500,
      tokensPerCall: 130,
      costPerCallUsd: 0.001,
      costUnknownCalls: 4,
      tokensPerPublished: 292.5,
      costPerPublishedUsd: 0.0015,
      ratedCalls: 4,
      thumbsUpRate: 0.75,
      publishRate: 4 / 7,
      abandonedRate: 2 / 5,
      titleEditDistance: 0.2,
      descriptionEditDistance: 0.5,
      categoryChangeRate: 0.25,
      meanPriceLogError: 0.25,
    });
    expect(metrics.keepRate).toMatchObject({ title: 0.75, price: 0.25, size: 0 });
  });

  it("says unknown, not zero, when there is nothing to divide by", () => {
    const metrics = deriveMetrics({ ...zero, calls: 2, errors: 2 }, { p50Ms: null, p95Ms: null });
    expect(metrics).toMatchObject({ errorRate: 1, invalidRate: 0, thumbsUpRate: null, costPerCallUsd: null, costPerPublishedUsd: null, abandonedRate: null, costUnknownCalls: 2 });
    expect(metrics.keepRate.title).toBeNull();
  });
});

describe("thresholds", () => {
  it("flags only the metrics past their limit", () => {
    const metrics = deriveMetrics({ ...zero, calls: 100, errors: 6, invalid: 5, answered: 89 }, { p50Ms: 900, p95Ms: 12_000 });
    expect(findBreaches(metrics, DEFAULT_THRESHOLDS).map((breach) => breach.metric)).toEqual(["errorRate", "latencyP95Ms"]);
    expect(findBreaches(metrics, { ...DEFAULT_THRESHOLDS, maxErrorRate: 0.1, maxP95LatencyMs: 15_000 })).toEqual([]);
  });

  it("falls back to the defaults for anything missing or malformed", () => {
    expect(readThresholds(null)).toEqual(DEFAULT_THRESHOLDS);
    expect(readThresholds({ maxErrorRate: 0.2, maxP95LatencyMs: "fast" })).toEqual(DEFAULT_THRESHOLDS);
    expect(readThresholds({ maxErrorRate: 0.2 })).toEqual({ ...DEFAULT_THRESHOLDS, maxErrorRate: 0.2 });
  });

  it("reads the form's percentages and seconds", () => {
    expect(thresholdsFormSchema.parse({ maxErrorRate: "2.5", maxInvalidRate: "10", maxP95LatencyMs: "7.5" })).toEqual({ maxErrorRate: 0.025, maxInvalidRate: 0.1, maxP95LatencyMs: 7500 });
    expect(thresholdsFormSchema.safeParse({ maxErrorRate: "150", maxInvalidRate: "x", maxP95LatencyMs: "0" }).error?.issues.map((issue) => issue.path[0])).toEqual([
      "maxErrorRate",
      "maxInvalidRate",
      "maxP95LatencyMs",
    ]);
  });
});
