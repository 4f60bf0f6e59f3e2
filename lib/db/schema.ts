import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CATEGORIES, CONDITIONS, LISTING_STATUSES } from "../listings/options";

const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

// ---------------------------------------------------------------------------
// Accounts: the tables better-auth reads and writes (with its admin plugin's columns).

export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  role: text("role").notNull().default("user"),
  banned: boolean("banned").default(false),
  banReason: text("ban_reason"),
  banExpires: timestamp("ban_expires", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type User = typeof user.$inferSelect;

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    impersonatedBy: text("impersonated_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("session_user_id_idx").on(table.userId)],
);
export type Session = typeof session.$inferSelect;

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("account_user_id_idx").on(table.userId)],
);

export const verification = pgTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------------------
// The marketplace.

export const listingCategory = pgEnum("listing_category", CATEGORIES);
export const listingCondition = pgEnum("listing_condition", CONDITIONS);
export const listingStatus = pgEnum("listing_status", LISTING_STATUSES);

/** Listings the public sees (active and reserved); sold ones leave search. Indexed below. */
export const FOR_SALE_CONDITION = sql`status in ('active', 'reserved')`;

export const listings = pgTable(
  "listings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sellerId: text("seller_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    category: listingCategory("category").notNull(),
    condition: listingCondition("condition").notNull(),
    priceCents: integer("price_cents").notNull(),
    status: listingStatus("status").notNull().default("active"),
    // The AI call whose suggestion pre-filled this listing, and that suggestion as it was shown,
    // so published values can be compared with suggested ones.
    aiCallId: uuid("ai_call_id").references((): AnyPgColumn => aiCalls.id, { onDelete: "set null" }),
    aiSuggestion: jsonb("ai_suggestion"),
    // Title words weigh more than description words when ranking search results.
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    // Public pages show only what is for sale (lib/db/queries/listings.ts spells the condition the
    // same way). Partial indexes over those rows give the newest or cheapest page in order, without
    // sorting the whole catalogue. NULLS FIRST is what ORDER BY ... DESC means: an index in the
    // other null order cannot serve that sort.
    index("listings_for_sale_created_idx").on(table.createdAt.desc().nullsFirst()).where(FOR_SALE_CONDITION),
    index("listings_for_sale_category_created_idx").on(table.category, table.createdAt.desc().nullsFirst()).where(FOR_SALE_CONDITION),
    index("listings_for_sale_price_idx").on(table.priceCents).where(FOR_SALE_CONDITION),
    index("listings_for_sale_category_price_idx").on(table.category, table.priceCents).where(FOR_SALE_CONDITION),
    index("listings_seller_idx").on(table.sellerId, table.createdAt.desc().nullsFirst()),
    index("listings_search_idx").using("gin", table.searchVector),
    index("listings_title_trgm_idx").using("gin", sql`${table.title} gin_trgm_ops`),
  ],
);
export type Listing = typeof listings.$inferSelect;
export type NewListing = typeof listings.$inferInsert;

// An uploaded photo, normalised and stripped of metadata. It belongs to its uploader and,
// once a listing is saved, to that listing (position orders the gallery).
export const images = pgTable(
  "images",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id").references(() => user.id, { onDelete: "set null" }),
    listingId: uuid("listing_id").references(() => listings.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    storageKey: text("storage_key").notNull().unique(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256").notNull(),
    originalType: text("original_type").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index("images_listing_idx").on(table.listingId, table.position),
    index("images_owner_idx").on(table.ownerId, table.createdAt),
  ],
);
export type Image = typeof images.$inferSelect;

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    buyerId: text("buyer_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    sellerId: text("seller_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    buyerLastReadAt: timestamp("buyer_last_read_at", { withTimezone: true }).notNull().defaultNow(),
    sellerLastReadAt: timestamp("seller_last_read_at", { withTimezone: true })
      .notNull()
      .default(sql`'epoch'::timestamptz`),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("conversations_listing_buyer_idx").on(table.listingId, table.buyerId),
    index("conversations_buyer_idx").on(table.buyerId, table.lastMessageAt.desc()),
    index("conversations_seller_idx").on(table.sellerId, table.lastMessageAt.desc()),
  ],
);
export type Conversation = typeof conversations.$inferSelect;

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    senderId: text("sender_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("messages_conversation_created_idx").on(table.conversationId, table.createdAt)],
);
export type Message = typeof messages.$inferSelect;

// Fixed-window counters for rate limits (sign-in, messages). Kept in the database so every
// server process sees the same counts.
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

// ---------------------------------------------------------------------------
// AI calls: every call to a model, whatever the model and code path (see lib/ai/).

export const aiCallStatus = pgEnum("ai_call_status", ["ok", "invalid", "error"]);

export const aiCalls = pgTable(
  "ai_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    feature: text("feature").notNull(),
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    provider: text("provider").notNull(),
    modelId: text("model_id").notNull(),
    promptId: text("prompt_id"),
    promptVersion: integer("prompt_version"),
    promptHash: text("prompt_hash"),
    params: jsonb("params"),
    // The stored, EXIF-stripped input photos (never the base64 sent to the model).
    imageIds: uuid("image_ids").array().notNull().default(sql`'{}'::uuid[]`),
    status: aiCallStatus("status").notNull(),
    errorClass: text("error_class"),
    errorMessage: text("error_message"),
    rawOutput: text("raw_output"),
    output: jsonb("output"),
    latencyMs: integer("latency_ms").notNull(),
    firstFieldMs: integer("first_field_ms"),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    // null when the model has no known price (unknown is not zero).
    costUsd: doublePrecision("cost_usd"),
    variantKey: text("variant_key"),
    listingId: uuid("listing_id").references((): AnyPgColumn => listings.id, { onDelete: "set null" }),
    feedbackRating: smallint("feedback_rating"),
    feedbackReason: text("feedback_reason"),
    feedbackAt: timestamp("feedback_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index("ai_calls_created_idx").on(table.createdAt.desc()),
    index("ai_calls_user_idx").on(table.userId, table.createdAt.desc()),
    index("ai_calls_model_created_idx").on(table.modelId, table.createdAt),
  ],
);
export type AiCall = typeof aiCalls.$inferSelect;
export type NewAiCall = typeof aiCalls.$inferInsert;

// ---------------------------------------------------------------------------
// Evaluation: datasets with versions, experiments (runs) and their per-case results.

export const evalDatasets = pgTable("eval_datasets", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  createdAt: createdAt(),
});
export type EvalDataset = typeof evalDatasets.$inferSelect;

// A version is immutable: adding or changing cases makes a new one with a full copy of its cases.
export const evalDatasetVersions = pgTable(
  "eval_dataset_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    datasetId: uuid("dataset_id")
      .notNull()
      .references(() => evalDatasets.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    // Hash of the cases and their image bytes: importing the same folder twice adds no version.
    contentHash: text("content_hash").notNull(),
    caseCount: integer("case_count").notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("eval_dataset_versions_dataset_version_idx").on(table.datasetId, table.version)],
);
export type EvalDatasetVersion = typeof evalDatasetVersions.$inferSelect;

export const evalCases = pgTable(
  "eval_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    datasetVersionId: uuid("dataset_version_id")
      .notNull()
      .references(() => evalDatasetVersions.id, { onDelete: "cascade" }),
    caseId: text("case_id").notNull(),
    // The case's photo, stored like any upload (normalised, EXIF stripped).
    imageId: uuid("image_id")
      .notNull()
      .references(() => images.id),
    imageSha256: text("image_sha256").notNull(),
    // The case as in cases.jsonl, without `file` (export names files after the case id).
    data: jsonb("data").notNull(),
    position: integer("position").notNull(),
  },
  (table) => [uniqueIndex("eval_cases_version_case_idx").on(table.datasetVersionId, table.caseId)],
);
export type EvalCaseRow = typeof evalCases.$inferSelect;

export const evalRunStatus = pgEnum("eval_run_status", ["running", "done", "failed"]);

export const evalRuns = pgTable(
  "eval_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    datasetVersionId: uuid("dataset_version_id")
      .notNull()
      .references(() => evalDatasetVersions.id, { onDelete: "cascade" }),
    modelId: text("model_id").notNull(),
    promptId: text("prompt_id").notNull(),
    promptVersion: integer("prompt_version").notNull(),
    promptHash: text("prompt_hash").notNull(),
    params: jsonb("params").notNull(),
    gitCommit: text("git_commit"),
    status: evalRunStatus("status").notNull().default("running"),
    error: text("error"),
    metrics: jsonb("metrics"),
    startedBy: text("started_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [index("eval_runs_created_idx").on(table.createdAt.desc())],
);
export type EvalRun = typeof evalRuns.$inferSelect;

export const evalRunCases = pgTable(
  "eval_run_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => evalRuns.id, { onDelete: "cascade" }),
    caseId: text("case_id").notNull(),
    trial: integer("trial").notNull(),
    // No foreign key: the call log is written off the request path (it may land a moment later)
    // and is pruned by retention, while run results are kept.
    aiCallId: uuid("ai_call_id"),
    score: jsonb("score").notNull(),
    suggestion: jsonb("suggestion"),
  },
  (table) => [index("eval_run_cases_run_idx").on(table.runId, table.caseId, table.trial)],
);
export type EvalRunCase = typeof evalRunCases.$inferSelect;

// ---------------------------------------------------------------------------
// Which prompt version and model serve live traffic. One row per prompt; absent means the newest
// version and the configured model. Every change is kept in the log below.

export const promptLive = pgTable("prompt_live", {
  promptId: text("prompt_id").primaryKey(),
  version: integer("version").notNull(),
  modelId: text("model_id"),
  updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const promptLiveChanges = pgTable("prompt_live_changes", {
  id: uuid("id").primaryKey().defaultRandom(),
  promptId: text("prompt_id").notNull(),
  version: integer("version").notNull(),
  modelId: text("model_id"),
  previousVersion: integer("previous_version"),
  previousModelId: text("previous_model_id"),
  changedBy: text("changed_by").references(() => user.id, { onDelete: "set null" }),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});
