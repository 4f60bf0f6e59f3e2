import { and, asc, between, count, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/lib/db/client";
import { FOR_SALE_CONDITION, images, listings, user } from "@/lib/db/schema";
import { PAGE_SIZE } from "@/lib/listings/options";
import { effectiveSort, type ListingSearch } from "@/lib/listings/search-params";
import { expandSynonyms } from "@/lib/listings/synonyms";
import { correctedQuery } from "@/lib/listings/typo-correction";
import { boundingBox, type Coordinates } from "@/lib/places/distance";
import { isUuid } from "@/lib/db/uuid";
import { suspensionInForce } from "./safety";

// Typo tolerance: a query word that matches a title word with trigram word-similarity of at
// least this much counts as a hit ("hedphones" ~ "headphones" is 0.62, "sofa" ~ "sony" 0.40).
const TYPO_SIMILARITY = 0.5;

// Counting every match would read the whole catalogue on each page view; past this many the
// page says "1,000+" instead, and pagination stops there (42 pages: nobody reads further, and a
// narrower search serves them better).
export const COUNT_LIMIT = 1_000;

// Spelled out with table names: inside a one-table select Drizzle drops the table prefix, and
// "listing_id" = "id" would then compare the images table with itself.
const firstImageKey = sql<string | null>`(
  select "images"."storage_key" from "images"
  where "images"."listing_id" = "listings"."id"
  order by "images"."position" asc limit 1
)`;

/**
 * Listings a moderator has not hidden, of sellers who are not suspended (lib/safety/): the only
 * ones search and the sitemap show. Hidden ones stay in the table and come back when restored.
 */
export const VISIBLE_CONDITION = sql`"listings"."hidden_at" is null and not ${suspensionInForce(sql`"listings"."seller_id"`)}`;

export const listingCardColumns = {
  id: listings.id,
  title: listings.title,
  priceCents: listings.priceCents,
  category: listings.category,
  condition: listings.condition,
  status: listings.status,
  createdAt: listings.createdAt,
  placeName: listings.placeName,
  imageKey: firstImageKey,
};

export type ListingCard = {
  id: string;
  title: string;
  priceCents: number;
  category: (typeof listings.$inferSelect)["category"];
  condition: (typeof listings.$inferSelect)["condition"];
  status: (typeof listings.$inferSelect)["status"];
  createdAt: Date;
  placeName: string | null;
  imageKey: string | null;
  /** From the search's place, when it has one (and the listing has a place). */
  distanceKm?: number | null;
};

/** Where a near search is centred, and how far it reaches. */
export type SearchOrigin = Coordinates & { km: number };

export type ListingSearchResult = {
  items: ListingCard[];
  /** Matches, counted up to COUNT_LIMIT; `totalIsLimit` says there are more. */
  total: number;
  totalIsLimit: boolean;
  page: number;
  pageCount: number;
  /** Set when nothing matched as typed and the words were matched as typos: what they were taken for. */
  correctedQuery?: string;
};

/**
 * Public search: active and reserved listings (sold ones leave the results), filtered, sorted,
 * paginated. A query is looked up with full-text search, its synonyms included; only when that
 * finds nothing are its words compared with title words for typos (trigram similarity), which
 * costs more per row. With an `origin`, only listings within `origin.km` are kept: a bounding box
 * on the indexed place columns first, then the exact (haversine) distance on what is inside it.
 */
export async function searchListings(search: ListingSearch, origin?: SearchOrigin): Promise<ListingSearchResult> {
  const db = await getDb();
  const page = search.page ?? 1;
  // Spelled as the partial indexes' condition (schema.ts), so the planner can use them.
  const filters: SQL[] = [FOR_SALE_CONDITION, VISIBLE_CONDITION];
  if (search.category) filters.push(eq(listings.category, search.category));
  if (search.condition) filters.push(eq(listings.condition, search.condition));
  if (search.min !== undefined) filters.push(gte(listings.priceCents, Math.round(search.min * 100)));
  if (search.max !== undefined) filters.push(lte(listings.priceCents, Math.round(search.max * 100)));
  const distance = origin ? distanceFrom(origin) : undefined;
  if (origin && distance) {
    const box = boundingBox(origin, origin.km);
    filters.push(
      between(listings.placeLat, box.minLat, box.maxLat),
      between(listings.placeLng, box.minLng, box.maxLng),
      sql`${distance} <= ${origin.km}`,
    );
  }

  const sort = effectiveSort(search);
  const orderBy = (rank?: SQL) => {
    if (sort === "distance" && distance) return [sql`${distance} asc`, desc(listings.createdAt)];
    if (sort === "relevance" && rank) return [sql`${rank} desc`, desc(listings.createdAt)];
    return orderFor(sort);
  };
  const columns = distance ? { ...listingCardColumns, distanceKm: sql<number | null>`${distance}` } : listingCardColumns;
  const query = search.q;
  return db.transaction(async (tx) => {
    if (!query) return readPage(tx, columns, and(...filters), orderBy(), page, { countInOrder: sort === "newest" && !distance });
    // Ranking scores every match, so each phase ranks with what it matched on, and nothing more:
    // ts_rank (weighted word frequency) rather than ts_rank_cd, whose cover-density pass costs
    // about a third more per match for no visible difference on listings this short.
    const tsQuery = sql.join(
      expandSynonyms(query).map((variant) => sql`websearch_to_tsquery('english', ${variant})`),
      sql` || `,
    );
    const matches = await readPage(tx, columns, and(...filters, sql`${listings.searchVector} @@ (${tsQuery})`), orderBy(sql`ts_rank(${listings.searchVector}, ${tsQuery})`), page);
    if (matches.total > 0) return matches;
    // Scoped to this transaction, so it never leaks to other users of a pooled connection.
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true)`);
    const typos = await readPage(tx, columns, and(...filters, sql`${query} <% ${listings.title}`), orderBy(sql`word_similarity(${query}, ${listings.title})`), page);
    const corrected = typos.total > 0 ? correctedQuery(query, typos.items.map((item) => item.title)) : null;
    return corrected ? { ...typos, correctedQuery: corrected } : typos;
  });
}

/** Kilometres from `origin` to a listing's place, by the haversine formula (lib/places/distance.ts). */
function distanceFrom(origin: Coordinates): SQL<number> {
  return listingDistanceKm(sql`${origin.lat}`, sql`${origin.lng}`);
}

/** Kilometres from a point (values or columns) to a listing's place, by the haversine formula. */
export function listingDistanceKm(lat: SQL, lng: SQL): SQL<number> {
  return sql<number>`(12742 * asin(least(1, sqrt(
    power(sin(radians(${listings.placeLat} - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(${listings.placeLat})) * power(sin(radians(${listings.placeLng} - ${lng}) / 2), 2)
  ))))`;
}

function orderFor(sort: ReturnType<typeof effectiveSort>): SQL[] {
  if (sort === "price_asc") return [asc(listings.priceCents), desc(listings.createdAt)];
  if (sort === "price_desc") return [desc(listings.priceCents), desc(listings.createdAt)];
  return [desc(listings.createdAt)];
}

/**
 * One page of matches and their count up to COUNT_LIMIT. Newest first, the count walks the
 * page's own index in the page's order (`countInOrder`) and stops after COUNT_LIMIT + 1 entries;
 * left to itself the planner may read the table from its start instead, which also stops early
 * but is a sequential scan all the same. Other orders are counted unordered: walking a price
 * index in order to count would visit more rows than a bitmap of the matches.
 */
async function readPage(
  tx: Transaction,
  columns: typeof listingCardColumns,
  where: SQL | undefined,
  orderBy: SQL[],
  page: number,
  { countInOrder = false } = {},
): Promise<ListingSearchResult> {
  const counted = tx.select({ id: listings.id }).from(listings).where(where);
  const [items, [{ matches }]] = await Promise.all([
    tx
      .select(columns)
      .from(listings)
      .where(where)
      .orderBy(...orderBy)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    tx.select({ matches: count() }).from((countInOrder ? counted.orderBy(...orderBy) : counted).limit(COUNT_LIMIT + 1).as("counted")),
  ]);
  const total = Math.min(matches, COUNT_LIMIT);
  return { items, total, totalIsLimit: matches > COUNT_LIMIT, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** A listing with its photos and seller's display name, or null for an unknown id. */
export async function getListingById(id: string) {
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ listing: listings, sellerName: user.name, sellerSuspended: sql<boolean>`${suspensionInForce(sql`"listings"."seller_id"`)}` })
    .from(listings)
    .innerJoin(user, eq(user.id, listings.sellerId))
    .where(eq(listings.id, id));
  if (!row) return null;
  const photos = await db
    .select({ id: images.id, storageKey: images.storageKey, width: images.width, height: images.height })
    .from(images)
    .where(eq(images.listingId, id))
    .orderBy(asc(images.position));
  // Hidden by a moderator, or its seller is suspended: the page says it is unavailable.
  const unavailable = row.listing.hiddenAt !== null || row.sellerSuspended;
  return { ...row.listing, sellerName: row.sellerName, unavailable, photos };
}

export type ListingDetail = NonNullable<Awaited<ReturnType<typeof getListingById>>>;

/** Ids and dates of every listing that is still for sale, for the sitemap. */
export async function getSitemapListings(limit = 50_000) {
  const db = await getDb();
  return db
    .select({ id: listings.id, updatedAt: listings.updatedAt })
    .from(listings)
    .where(and(FOR_SALE_CONDITION, VISIBLE_CONDITION))
    .orderBy(desc(listings.createdAt))
    .limit(limit);
}
