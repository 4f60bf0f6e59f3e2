// Types of the values stored in JSON columns. They sit beside the schema so that the tables,
// the queries and the features that compute the values all take them from one place below them.

/** ai_calls.implicit_feedback: the fields compared between a suggestion and the published listing. */
export const COMPARED_FIELDS = ["title", "description", "category", "condition", "price", "brand", "colour", "material", "size"] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];
export type FieldOutcome = "kept" | "changed" | "cleared";

/** ai_calls.implicit_feedback: what a seller did with a suggestion, worked out when they publish. */
export type ImplicitFeedback = {
  fields: Record<ComparedField, FieldOutcome>;
  /** Normalised edit distance, 0 (identical) to 1 (nothing in common). */
  titleEditDistance: number;
  descriptionEditDistance: number;
  categoryChanged: boolean;
  /** |ln(published price / suggested price)|; null when either price is missing or zero. */
  priceLogError: number | null;
};

/** rollouts.guard_rails: when a candidate loses its traffic to control. */
export type GuardRailLimits = {
  /** Share of failed calls (provider errors, timeouts) above which a candidate is cut. */
  maxErrorRate: number;
  /** Share of answers that broke the output schema. */
  maxInvalidRate: number;
  /** 95th percentile latency in milliseconds. */
  maxP95LatencyMs: number;
  /** How many of the candidate's most recent calls are judged. */
  window: number;
  /** Fewer calls than this in the window: too early to judge. */
  minCalls: number;
};
