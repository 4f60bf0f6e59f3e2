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
import type { GuardRailLimits, ImplicitFeedback } from "./json-columns";
import { MODERATION_ACTIONS, MODERATION_ITEM_KINDS, REPORT_REASONS } from "./safety-vocabulary";

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
  // The seller's default place (a gazetteer label, lib/places), pre-selected when they sell.
  defaultPlace: text("default_place"),
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
    // Who an accepted offer reserved it for, and who the seller said bought it (the only buyer
    // who may review the seller for it). Both are people who wrote about the listing.
    reservedForId: text("reserved_for_id").references((): AnyPgColumn => user.id, { onDelete: "set null" }),
    soldToId: text("sold_to_id").references((): AnyPgColumn => user.id, { onDelete: "set null" }),
    // The AI call whose suggestion pre-filled this listing, and that suggestion as it was shown,
    // so published values can be compared with suggested ones.
    aiCallId: uuid("ai_call_id").references((): AnyPgColumn => aiCalls.id, { onDelete: "set null" }),
    aiSuggestion: jsonb("ai_suggestion"),
    // Set by a moderator (lib/safety/): the listing leaves search and its page says it is
    // unavailable; the seller sees the reason. Clearing both restores it.
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    // Title words weigh more than description words when ranking search results.
    // Where the item is: a town from the gazetteer (lib/places), its label and coordinates. Null
    // only on listings made before places existed; the sell and edit forms require one.
    placeName: text("place_name"),
    placeLat: doublePrecision("place_lat"),
    placeLng: doublePrecision("place_lng"),
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
    // Partial, like the indexes above: a search never has to AND its matches with "for sale".
    index("listings_for_sale_search_idx").using("gin", table.searchVector).where(FOR_SALE_CONDITION),
    // A "near" search first keeps the rows inside a bounding box of latitude and longitude
    // (a range on the first column, a filter on the second, both read from this index), then
    // computes the exact distance on those alone.
    index("listings_for_sale_place_idx").on(table.placeLat, table.placeLng).where(FOR_SALE_CONDITION),
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
    // Photo screening (lib/safety/photo-screening.ts): the classifier's explicit-content score,
    // 0–1, set shortly after upload; null until then (or when screening failed).
    screeningScore: doublePrecision("screening_score"),
    screenedAt: timestamp("screened_at", { withTimezone: true }),
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
    index("conversations_buyer_idx").on(table.buyerId, table.lastMessageAt.desc().nullsFirst()),
    index("conversations_seller_idx").on(table.sellerId, table.lastMessageAt.desc().nullsFirst()),
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

// ---------------------------------------------------------------------------
// Trust and safety: reports, the moderation queue, the audit log, suspensions and blocks
// (lib/safety/, lib/db/queries/safety.ts). Nothing here is deleted by a moderator: every
// decision is a new row or a column that another decision can set back.

export const moderationItemKind = pgEnum("moderation_item_kind", MODERATION_ITEM_KINDS);
export const moderationItemStatus = pgEnum("moderation_item_status", ["open", "closed"]);
export const reportReason = pgEnum("report_reason", REPORT_REASONS);
export const reportStatus = pgEnum("report_status", ["open", "resolved"]);
export const moderationAction = pgEnum("moderation_action", MODERATION_ACTIONS);

// One row per reported thing (a listing or a conversation); its reports hang off it. The queue
// lists open items, oldest first by when they (re)opened; a new report reopens a closed item.
export const moderationItems = pgTable(
  "moderation_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: moderationItemKind("kind").notNull(),
    listingId: uuid("listing_id").references(() => listings.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "cascade" }),
    status: moderationItemStatus("status").notNull().default("open"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    claimedBy: text("claimed_by").references(() => user.id, { onDelete: "set null" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("moderation_items_listing_idx").on(table.listingId),
    uniqueIndex("moderation_items_conversation_idx").on(table.conversationId),
    index("moderation_items_open_idx").on(table.status, table.openedAt),
  ],
);
export type ModerationItem = typeof moderationItems.$inferSelect;

export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => moderationItems.id, { onDelete: "cascade" }),
    // null: raised by photo screening, not by a person (imageId then names the photo).
    reporterId: text("reporter_id").references(() => user.id, { onDelete: "set null" }),
    reason: reportReason("reason").notNull(),
    note: text("note").notNull().default(""),
    imageId: uuid("image_id").references(() => images.id, { onDelete: "set null" }),
    status: reportStatus("status").notNull().default("open"),
    // What was decided, in words the reporter is shown.
    decision: text("decision"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    // One open report per person per item; after a decision they may report it again.
    uniqueIndex("reports_open_per_reporter_idx").on(table.itemId, table.reporterId).where(sql`status = 'open'`),
    // Screening flags a photo once, whatever happens to the item later.
    uniqueIndex("reports_screened_image_idx").on(table.imageId).where(sql`reporter_id is null`),
    index("reports_item_idx").on(table.itemId, table.createdAt),
    index("reports_reporter_idx").on(table.reporterId, table.createdAt.desc().nullsFirst()),
  ],
);
export type Report = typeof reports.$inferSelect;

// The audit log: who did what, when and why. Rows are only ever added.
export const moderationLog = pgTable(
  "moderation_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    moderatorId: text("moderator_id").references(() => user.id, { onDelete: "set null" }),
    action: moderationAction("action").notNull(),
    reason: text("reason").notNull(),
    itemId: uuid("item_id").references(() => moderationItems.id, { onDelete: "set null" }),
    listingId: uuid("listing_id").references(() => listings.id, { onDelete: "set null" }),
    targetUserId: text("target_user_id").references(() => user.id, { onDelete: "set null" }),
    details: jsonb("details").$type<Record<string, string | number | null>>(),
    createdAt: createdAt(),
  },
  (table) => [index("moderation_log_created_idx").on(table.createdAt.desc().nullsFirst())],
);
export type ModerationLogEntry = typeof moderationLog.$inferSelect;

// A suspended user can sign in and read, but not publish or write; their listings are hidden.
// Lifting one sets liftedAt (the row stays, for the record).
export const suspensions = pgTable(
  "suspensions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    // null: permanent.
    endsAt: timestamp("ends_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    liftedAt: timestamp("lifted_at", { withTimezone: true }),
    liftedBy: text("lifted_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("suspensions_user_idx").on(table.userId, table.createdAt)],
);
export type Suspension = typeof suspensions.$inferSelect;

// A participant who blocked the other side of a conversation: nobody writes in it any more.
export const conversationBlocks = pgTable(
  "conversation_blocks",
  {
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    blockerId: text("blocker_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("conversation_blocks_pk_idx").on(table.conversationId, table.blockerId)],
);

// Buyers: saved listings, saved searches, notifications, offers, reviews.

// A saved listing keeps its title, so /saved can still name one the seller deleted.
export const savedListings = pgTable(
  "saved_listings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    listingId: uuid("listing_id").references(() => listings.id, { onDelete: "set null" }),
    listingTitle: text("listing_title").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("saved_listings_user_listing_idx").on(table.userId, table.listingId),
    index("saved_listings_listing_idx").on(table.listingId),
  ],
);
export type SavedListing = typeof savedListings.$inferSelect;

// `query` is the results page's normalised query string, so filters added later keep working
// when the search is opened again. The columns beside it copy the filters the publish-time
// match can test in SQL (lib/db/queries/saved-searches.ts), indexed for that prefilter.
export const savedSearches = pgTable(
  "saved_searches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    query: text("query").notNull(),
    q: text("q"),
    category: listingCategory("category"),
    condition: listingCondition("condition"),
    minCents: integer("min_cents"),
    maxCents: integer("max_cents"),
    // A near search's centre and radius (null: anywhere), tested by distance at publish time.
    nearLat: doublePrecision("near_lat"),
    nearLng: doublePrecision("near_lng"),
    nearKm: integer("near_km"),
    paused: boolean("paused").notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("saved_searches_user_query_idx").on(table.userId, table.query),
    index("saved_searches_active_category_idx").on(table.category, table.minCents, table.maxCents).where(sql`not ${table.paused}`),
  ],
);
export type SavedSearch = typeof savedSearches.$inferSelect;

export const NOTIFICATION_KINDS = ["search-match", "message", "offer", "review", "report"] as const;
export const notificationKind = pgEnum("notification_kind", NOTIFICATION_KINDS);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    text: text("text").notNull(),
    href: text("href").notNull(),
    // A saved search notifies once per listing, however often the match runs.
    savedSearchId: uuid("saved_search_id").references(() => savedSearches.id, { onDelete: "cascade" }),
    listingId: uuid("listing_id").references(() => listings.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index("notifications_user_created_idx").on(table.userId, table.createdAt.desc().nullsFirst()),
    uniqueIndex("notifications_search_listing_idx").on(table.savedSearchId, table.listingId),
  ],
);
export type Notification = typeof notifications.$inferSelect;

export const OFFER_STATUSES = ["pending", "accepted", "declined", "countered", "withdrawn"] as const;
export const offerStatus = pgEnum("offer_status", OFFER_STATUSES);

// An offer is made in a conversation by either side (the buyer first, then counters); the other
// side accepts, declines or counters it. A counter closes the offer it answers.
export const offers = pgTable(
  "offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    fromUserId: text("from_user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    amountCents: integer("amount_cents").notNull(),
    status: offerStatus("status").notNull().default("pending"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("offers_conversation_created_idx").on(table.conversationId, table.createdAt)],
);
export type Offer = typeof offers.$inferSelect;

// One review per listing, by the buyer the seller named when marking it sold.
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Kept when the listing is deleted: the review stays on the profile with the title it had.
    listingId: uuid("listing_id")
      .unique()
      .references(() => listings.id, { onDelete: "set null" }),
    listingTitle: text("listing_title").notNull(),
    sellerId: text("seller_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    buyerId: text("buyer_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    rating: smallint("rating").notNull(),
    body: text("body").notNull().default(""),
    createdAt: createdAt(),
  },
  (table) => [index("reviews_seller_created_idx").on(table.sellerId, table.createdAt.desc().nullsFirst())],
);
export type Review = typeof reviews.$inferSelect;

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
    // How many of the listing's required fields (title, category, condition, price) a valid answer left empty.
    emptyRequiredFields: smallint("empty_required_fields"),
    feedbackRating: smallint("feedback_rating"),
    feedbackReason: text("feedback_reason"),
    feedbackAt: timestamp("feedback_at", { withTimezone: true }),
    // Set when a listing is published from this call, and kept when that listing is deleted later.
    publishedAt: timestamp("published_at", { withTimezone: true }),
    implicitFeedback: jsonb("implicit_feedback").$type<ImplicitFeedback>(),
    // Made up by `npm run seed:calls` to load-test the console: kept out of live figures by default.
    synthetic: boolean("synthetic").notNull().default(false),
    createdAt: createdAt(),
    // Every change moves this, so the monitoring roll-ups know which hours to recompute.
    updatedAt: updatedAt(),
  },
  (table) => [
    index("ai_calls_created_idx").on(table.createdAt.desc().nullsFirst()),
    index("ai_calls_user_idx").on(table.userId, table.createdAt.desc().nullsFirst()),
    index("ai_calls_model_created_idx").on(table.modelId, table.createdAt),
    index("ai_calls_status_created_idx").on(table.status, table.createdAt.desc().nullsFirst()),
    // A rollout's guard rail reads a variant's latest calls.
    index("ai_calls_variant_created_idx").on(table.variantKey, table.createdAt.desc().nullsFirst()),
    index("ai_calls_updated_idx").on(table.updatedAt),
    index("ai_calls_feedback_idx").on(table.feedbackRating, table.feedbackAt.desc().nullsFirst()),
    // Retention keeps a photo as long as any remaining call refers to it.
    index("ai_calls_image_ids_idx").using("gin", table.imageIds),
    // The console's search in suggested titles.
    index("ai_calls_title_trgm_idx").using("gin", sql`(${table.output} ->> 'title') gin_trgm_ops`),
  ],
);
export type AiCall = typeof aiCalls.$inferSelect;
export type NewAiCall = typeof aiCalls.$inferInsert;

// Hourly roll-ups of the call log for the monitoring dashboard: sums and counts per hour and per
// feature, model, prompt version and variant, recomputed from ai_calls for every hour in which a
// call was added or changed (lib/db/queries/ai-call-rollups.ts). A 30-day view reads about
// 720 rows per model instead of every call. Rates and averages are worked out from these sums.
const rollupKey = () => ({
  hour: timestamp("hour", { withTimezone: true }).notNull(),
  feature: text("feature").notNull(),
  modelId: text("model_id").notNull(),
  promptId: text("prompt_id"),
  promptVersion: integer("prompt_version"),
  variantKey: text("variant_key"),
  synthetic: boolean("synthetic").notNull().default(false),
});
const countColumn = (name: string) => integer(name).notNull().default(0);
const sumColumn = (name: string) => doublePrecision(name).notNull().default(0);

export const aiCallRollups = pgTable(
  "ai_call_rollups",
  {
    ...rollupKey(),
    calls: countColumn("calls"),
    errors: countColumn("errors"),
    invalid: countColumn("invalid"),
    answered: countColumn("answered"),
    latencyMsSum: sumColumn("latency_ms_sum"),
    firstFieldCalls: countColumn("first_field_calls"),
    firstFieldMsSum: sumColumn("first_field_ms_sum"),
    tokenCalls: countColumn("token_calls"),
    inputTokens: sumColumn("input_tokens"),
    outputTokens: sumColumn("output_tokens"),
    costCalls: countColumn("cost_calls"),
    costUsd: sumColumn("cost_usd"),
    emptyRequiredFields: countColumn("empty_required_fields"),
    thumbsUp: countColumn("thumbs_up"),
    thumbsDown: countColumn("thumbs_down"),
    published: countColumn("published"),
    publishedWithinDay: countColumn("published_within_day"),
    titleEditDistanceSum: sumColumn("title_edit_distance_sum"),
    descriptionEditDistanceSum: sumColumn("description_edit_distance_sum"),
    categoryChanged: countColumn("category_changed"),
    priceErrorCalls: countColumn("price_error_calls"),
    priceLogErrorSum: sumColumn("price_log_error_sum"),
    keptTitle: countColumn("kept_title"),
    keptDescription: countColumn("kept_description"),
    keptCategory: countColumn("kept_category"),
    keptCondition: countColumn("kept_condition"),
    keptPrice: countColumn("kept_price"),
    keptBrand: countColumn("kept_brand"),
    keptColour: countColumn("kept_colour"),
    keptMaterial: countColumn("kept_material"),
    keptSize: countColumn("kept_size"),
  },
  (table) => [index("ai_call_rollups_feature_hour_idx").on(table.feature, table.hour)],
);
export type AiCallRollup = typeof aiCallRollups.$inferSelect;

// Latency histograms per hour: how many calls fell in each bin (bins grow by a fixed ratio, see
// lib/db/latency-bins.ts), from which p50 and p95 are read for any range.
export const aiCallLatencyRollups = pgTable(
  "ai_call_latency_rollups",
  {
    ...rollupKey(),
    bin: smallint("bin").notNull(),
    calls: countColumn("calls"),
  },
  (table) => [index("ai_call_latency_rollups_feature_hour_idx").on(table.feature, table.hour)],
);

// How far the roll-ups are up to date: calls changed at or after this moment are not in them yet.
export const aiCallRollupState = pgTable("ai_call_rollup_state", {
  id: smallint("id").primaryKey().default(1),
  refreshedThrough: timestamp("refreshed_through", { withTimezone: true }).notNull(),
});

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
    // A run of a playground draft (promptVersion 0): the text itself, since no file holds it, and
    // the draft it came from. Both null for a published version, whose text is reviewed code.
    promptText: text("prompt_text"),
    draftId: uuid("draft_id").references((): AnyPgColumn => playgroundDrafts.id, { onDelete: "set null" }),
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

// ---------------------------------------------------------------------------
// Rollouts: A/B experiments on live pre-fill traffic (lib/rollout/). A variant is a prompt
// version + model + parameters; candidates get sticky shares of sellers, control the rest, and
// an optional holdout gets no pre-fill at all.

export const rolloutStatus = pgEnum("rollout_status", ["running", "paused", "stopped"]);

export const rolloutExperiments = pgTable(
  "rollout_experiments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    feature: text("feature").notNull(),
    status: rolloutStatus("status").notNull().default("running"),
    // Hashed with each seller's id: a new experiment reshuffles sellers, a share change does not.
    seed: text("seed").notNull(),
    holdoutShare: doublePrecision("holdout_share").notNull().default(0),
    guardRails: jsonb("guard_rails").$type<GuardRailLimits>().notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    stoppedAt: timestamp("stopped_at", { withTimezone: true }),
  },
  // At most one experiment runs (or is paused) per feature at a time.
  (table) => [uniqueIndex("rollout_experiments_active_idx").on(table.feature).where(sql`${table.status} <> 'stopped'`)],
);
export type RolloutExperiment = typeof rolloutExperiments.$inferSelect;

export const rolloutVariants = pgTable(
  "rollout_variants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => rolloutExperiments.id, { onDelete: "cascade" }),
    // "A" is control; candidates are "B", "C", … in the order that fixes their assignment lanes.
    key: text("key").notNull(),
    promptId: text("prompt_id").notNull(),
    promptVersion: integer("prompt_version").notNull(),
    // null: the configured default model.
    modelId: text("model_id"),
    params: jsonb("params").$type<{ temperature?: number }>().notNull().default({}),
    // Candidates only: the share of all sellers who get this variant (control gets what is left).
    share: doublePrecision("share").notNull().default(0),
    // Set when a guard rail cut the candidate back to control.
    cutReason: text("cut_reason"),
    cutAt: timestamp("cut_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("rollout_variants_key_idx").on(table.experimentId, table.key)],
);
export type RolloutVariant = typeof rolloutVariants.$inferSelect;

/** Who changed what in an experiment, and when (changedBy null: the guard rail). */
export const rolloutChanges = pgTable(
  "rollout_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => rolloutExperiments.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    detail: text("detail").notNull(),
    changedBy: text("changed_by").references(() => user.id, { onDelete: "set null" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("rollout_changes_experiment_idx").on(table.experimentId, table.changedAt.desc())],
);

/**
 * One pre-fill request made under an experiment, holdout included: which variant the seller got,
 * the call that answered (none for the holdout), and the listing they then published, if any.
 */
export const rolloutExposures = pgTable(
  "rollout_exposures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => rolloutExperiments.id, { onDelete: "cascade" }),
    variantKey: text("variant_key").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    // No foreign key: the call log is written off the request path, possibly after this row.
    callId: uuid("call_id"),
    listingId: uuid("listing_id").references(() => listings.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index("rollout_exposures_experiment_idx").on(table.experimentId, table.variantKey, table.createdAt.desc()),
    index("rollout_exposures_user_idx").on(table.userId, table.createdAt.desc()),
    index("rollout_exposures_call_idx").on(table.callId),
  ],
);
export type RolloutExposure = typeof rolloutExposures.$inferSelect;

// ---------------------------------------------------------------------------
// Annotation: a review queue filled from production calls, reviewers' labels, and promotion of
// reviewed calls into evaluation datasets (lib/annotation/).

/** The rules that fill the queue: one row, changed from the console. */
export const reviewQueueRules = pgTable("review_queue_rules", {
  id: smallint("id").primaryKey().default(1),
  // Share of all answered calls sampled at random (by a hash of the call id, so reproducible).
  sampleShare: doublePrecision("sample_share").notNull().default(0.05),
  thumbsDown: boolean("thumbs_down").notNull().default(true),
  // A publish whose title or description moved at least this far (normalised edit distance), or null to skip.
  heavyEditDistance: doublePrecision("heavy_edit_distance").default(0.5),
  lowConfidence: boolean("low_confidence").notNull().default(true),
  errors: boolean("errors").notNull().default(true),
  // Share of queued calls that two reviewers label, to measure agreement.
  secondReviewShare: doublePrecision("second_review_share").notNull().default(0.1),
  // Synthetic calls (`npm run seed:calls`) enter only when this is on.
  includeSynthetic: boolean("include_synthetic").notNull().default(false),
  updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});
export type ReviewQueueRules = typeof reviewQueueRules.$inferSelect;

export const reviewItems = pgTable(
  "review_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // A call enters the queue once.
    callId: uuid("call_id")
      .notNull()
      .unique()
      .references(() => aiCalls.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    // How many reviewers should label it (2 for the share kept to measure agreement).
    labelsWanted: smallint("labels_wanted").notNull().default(1),
    labelCount: smallint("label_count").notNull().default(0),
    claimedBy: text("claimed_by").references(() => user.id, { onDelete: "set null" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("review_items_open_idx").on(table.labelCount, table.createdAt)],
);
export type ReviewItem = typeof reviewItems.$inferSelect;

export const reviewLabels = pgTable(
  "review_labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => reviewItems.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id").references(() => user.id, { onDelete: "set null" }),
    category: text("category", { enum: CATEGORIES }),
    title: text("title").notNull(),
    priceMinCents: integer("price_min_cents"),
    priceMaxCents: integer("price_max_cents"),
    verdicts: jsonb("verdicts").$type<Record<string, "right" | "wrong" | "unsure">>().notNull(),
    comment: text("comment").notNull().default(""),
    // The dataset (and version) this label was promoted into, once it was.
    promotedTo: text("promoted_to"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("review_labels_item_reviewer_idx").on(table.itemId, table.reviewerId),
    index("review_labels_reviewer_idx").on(table.reviewerId, table.createdAt.desc()),
  ],
);
export type ReviewLabel = typeof reviewLabels.$inferSelect;
// Console settings changed from the console itself (e.g. monitoring thresholds), one row per key.

export const consoleSettings = pgTable("console_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------------------
// The console playground: prompt drafts, one admin's own, never served to sellers. A draft is
// published only by adding its text as a reviewed prompt file (lib/playground/publish-file.ts).

export const playgroundDrafts = pgTable(
  "playground_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    promptId: text("prompt_id").notNull(),
    name: text("name").notNull(),
    text: text("text").notNull(),
    // hashPromptText(text), as a published version's hash is, so a call says which text it used.
    hash: text("hash").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex("playground_drafts_owner_name_idx").on(table.ownerId, table.promptId, table.name)],
);
export type PlaygroundDraft = typeof playgroundDrafts.$inferSelect;
