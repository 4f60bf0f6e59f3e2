// The fixed vocabularies of a listing. The database enums, the forms, the filters and (later)
// the AI output schema all read them from here.

export const CATEGORIES = [
  "Electronics",
  "Furniture",
  "Clothing",
  "Vehicles",
  "Sports",
  "Home & Garden",
  "Books",
  "Toys & Kids",
  "Other",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CONDITIONS = ["new", "like_new", "good", "fair", "for_parts"] as const;
export type Condition = (typeof CONDITIONS)[number];

export const CONDITION_LABELS: Record<Condition, string> = {
  new: "New",
  like_new: "Like new",
  good: "Good",
  fair: "Fair",
  for_parts: "For parts",
};

export const LISTING_STATUSES = ["active", "reserved", "sold"] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const STATUS_LABELS: Record<ListingStatus, string> = {
  active: "Active",
  reserved: "Reserved",
  sold: "Sold",
};

export const SORTS = ["relevance", "newest", "price_asc", "price_desc", "distance"] as const;
export type Sort = (typeof SORTS)[number];

export const SORT_LABELS: Record<Sort, string> = {
  relevance: "Best match",
  newest: "Newest",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
  distance: "Nearest first",
};

// "Within" choices of a near search; a URL with another radius is rounded into these bounds.
export const RADIUS_CHOICES_KM = [5, 10, 25, 50, 100, 200] as const;
export const DEFAULT_RADIUS_KM = 25;
export const MAX_RADIUS_KM = 200;

export const MAX_PHOTOS = 8;
export const PAGE_SIZE = 24;
