import { z } from "zod";
import { suggestPlaces } from "@/lib/places/gazetteer";

// What a place field suggests as someone types: a few labels, never the gazetteer itself.
const querySchema = z.string().max(100).regex(/^[^\p{Cc}]*$/u);

export const dynamic = "force-dynamic";

/** GET /api/places?q=gal → { places: ["Galway", …] } (at most 6). Public: towns are no secret. */
export function GET(request: Request) {
  const parsed = querySchema.safeParse(new URL(request.url).searchParams.get("q") ?? "");
  if (!parsed.success) return Response.json({ error: "Type up to 100 letters of a town's name." }, { status: 400 });
  const places = suggestPlaces(parsed.data).map((place) => place.label);
  // The answer is the same for everyone and changes only with a new release.
  return Response.json({ places }, { headers: { "cache-control": "public, max-age=3600" } });
}
