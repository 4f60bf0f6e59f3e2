import { z } from "zod";
import { CATEGORIES } from "@/lib/listings/options";

// The Calls page's filters, read from the URL so a filtered view can be shared. A value that
// does not parse is ignored rather than refused: the page shows everything for that filter.

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(value)));

export const callFiltersSchema = z.object({
  status: optional(z.enum(["ok", "invalid", "error"])),
  feature: optional(z.string().trim().min(1).max(100)),
  model: optional(z.string().trim().min(1).max(100)),
  prompt: optional(z.string().regex(/^[\w-]+@\d+$/)),
  category: optional(z.enum(CATEGORIES)),
  feedback: optional(z.enum(["up", "down", "none"])),
  from: optional(day),
  to: optional(day),
  q: optional(z.string().trim().min(1).max(100)),
  user: optional(z.string().trim().toLowerCase().min(1).max(200)),
  // Synthetic calls (`npm run seed:calls`) are hidden unless asked for: shown with the rest, or alone.
  synthetic: optional(z.enum(["include", "only"])),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type CallFilters = z.infer<typeof callFiltersSchema>;

export const CALLS_PAGE_SIZE = 50;
// Counting every match of a broad filter over a large log is slow; past this the page says "10,000+".
export const CALLS_COUNT_LIMIT = 10_000;

/** The filters as URL parameters (page left out unless asked for). */
export function callFiltersQuery(filters: Partial<CallFilters>, page?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key !== "page" && value !== undefined && value !== "") params.set(key, String(value));
  }
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
