import { and, asc, count, desc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { images, listings, user } from "@/lib/db/schema";
import { PAGE_SIZE } from "@/lib/listings/options";
import { effectiveSort, type ListingSearch } from "@/lib/listings/search-params";

// Typo tolerance: a query word that matches a title word with trigram word-similarity of at
// least this much counts as a hit ("hedphones" ~ "headphones" is 0.62, "sofa" ~ "sony" 0.40).
const TYPO_SIMILARITY = 0.5;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

// Table names spelled out: in a single-table select drizzle leaves columns unqualified, and an
// unqualified "id" inside this subquery would mean images.id, never matching.
const firstImageKey = sql<string | null>`(
  select "images"."storage_key" from "images"
  where "images"."listing_id" = "listings"."id"
  order by "images"."position" asc limit 1
)`;

export const listingCardColumns = {
  id: listings.id,
  title: listings.title,
  priceCents: listings.priceCents,
  category: listings.category,
  condition: listings.condition,
  status: listings.status,
  createdAt: listings.createdAt,
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
  imageKey: string | null;
};

export type ListingSearchResult = { items: ListingCard[]; total: number; page: number; pageCount: number };

/** Public search: active and reserved listings (sold ones leave the results), filtered, sorted, paginated. */
export async function searchListings(search: ListingSearch): Promise<ListingSearchResult> {
  const db = await getDb();
  const page = search.page ?? 1;
  const filters: SQL[] = [inArray(listings.status, ["active", "reserved"])];
  if (search.category) filters.push(eq(listings.category, search.category));
  if (search.condition) filters.push(eq(listings.condition, search.condition));
  if (search.min !== undefined) filters.push(gte(listings.priceCents, Math.round(search.min * 100)));
  if (search.max !== undefined) filters.push(lte(listings.priceCents, Math.round(search.max * 100)));

  const query = search.q;
  const tsQuery = query ? sql`websearch_to_tsquery('english', ${query})` : undefined;
  if (query && tsQuery) {
    filters.push(sql`(${listings.searchVector} @@ ${tsQuery} or ${query} <% ${listings.title})`);
  }
  const where = and(...filters);

  const sort = effectiveSort(search);
  const orderBy: SQL[] =
    sort === "relevance" && query && tsQuery
      ? [
          sql`ts_rank_cd(${listings.searchVector}, ${tsQuery}) + word_similarity(${query}, ${listings.title}) desc`,
          desc(listings.createdAt),
        ]
      : sort === "price_asc"
        ? [asc(listings.priceCents), desc(listings.createdAt)]
        : sort === "price_desc"
          ? [desc(listings.priceCents), desc(listings.createdAt)]
          : [desc(listings.createdAt)];

  return db.transaction(async (tx) => {
    // Scoped to this transaction, so it never leaks to other users of a pooled connection.
    if (query) await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true)`);
    const [items, [{ total }]] = await Promise.all([
      tx
        .select(listingCardColumns)
        .from(listings)
        .where(where)
        .orderBy(...orderBy)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE),
      tx.select({ total: count() }).from(listings).where(where),
    ]);
    return { items, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
  });
}

/** A listing with its photos and seller's display name, or null for an unknown id. */
export async function getListingById(id: string) {
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ listing: listings, sellerName: user.name })
    .from(listings)
    .innerJoin(user, eq(user.id, listings.sellerId))
    .where(eq(listings.id, id));
  if (!row) return null;
  const photos = await db
    .select({ id: images.id, storageKey: images.storageKey, width: images.width, height: images.height })
    .from(images)
    .where(eq(images.listingId, id))
    .orderBy(asc(images.position));
  return { ...row.listing, sellerName: row.sellerName, photos };
}

export type ListingDetail = NonNullable<Awaited<ReturnType<typeof getListingById>>>;

/** Ids and dates of every listing that is still for sale, for the sitemap. */
export async function getSitemapListings(limit = 50_000) {
  const db = await getDb();
  return db
    .select({ id: listings.id, updatedAt: listings.updatedAt })
    .from(listings)
    .where(inArray(listings.status, ["active", "reserved"]))
    .orderBy(desc(listings.createdAt))
    .limit(limit);
}
