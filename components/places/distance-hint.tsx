import { Button } from "@/components/ui/button";
import { distanceKm, type Coordinates } from "@/lib/places/distance";
import type { NearOrigin } from "@/lib/places/gazetteer";
import { PlaceInput } from "./place-input";

type DistanceHintProps = {
  listingId: string;
  /** The listing's place; null for a listing made before places existed. */
  place: (Coordinates & { name: string }) | null;
  /** The buyer's chosen place (`?near=`), resolved; null when it was not given or not known. */
  origin: NearOrigin | null;
  /** The `near` text as given, to say when it is unknown. */
  near?: string;
};

/**
 * "About 12 km from Galway": a line of text, no map. The buyer's place comes from the search they
 * came from, or from the small form here (a GET to this page, so it works without JavaScript).
 */
export function DistanceHint({ listingId, place, origin, near }: DistanceHintProps) {
  if (!place) return null;
  const km = origin ? distanceKm(origin, place) : null;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="distance-hint">
      {km !== null && origin ? (
        <p className="text-stone-800" data-testid="distance-from-buyer">
          {km < 1 ? `Under 1 km from ${origin.label}` : `About ${Math.round(km).toLocaleString("en-IE")} km from ${origin.label}`} (as the crow flies).
        </p>
      ) : null}
      <form action={`/listings/${listingId}`} method="get" className="flex items-end gap-2">
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor="distance-near" className="text-stone-600">
            How far is it from you?
          </label>
          <PlaceInput fieldProps={{ id: "distance-near", "aria-invalid": Boolean(near && !origin) }} name="near" defaultValue={origin?.fromBrowser ? "" : (near ?? "")} placeholder="Your town" />
        </div>
        <Button type="submit">Check</Button>
      </form>
      {near && !origin && (
        <p className="text-red-700" role="alert">
          Trova doesn&apos;t know “{near}”. Pick a town from the list.
        </p>
      )}
    </div>
  );
}
