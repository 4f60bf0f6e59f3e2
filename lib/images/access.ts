import { getImageAccessByStorageKey } from "@/lib/db/queries/images";

// Published photos are public and named by random uuids, so any cache may keep them; an hour
// bounds how long a shared cache still shows one after its listing is deleted (Trova itself
// stops serving it at once).
export const PUBLIC_IMAGE_CACHE = "public, max-age=3600";
// A photo that is not on a listing is the uploader's (or, in the call log, the team's) alone.
export const PRIVATE_IMAGE_CACHE = "private, no-store";

export type ImageViewer = { id: string; role?: string | null } | null;
export type ImageAccess = { visible: false } | { visible: true; cacheControl: string };

/** "<uuid>.webp" or "<uuid>-thumb.webp" (lib/images/index.ts storageFileName) to its storage key. */
export function storageKeyOfFile(fileName: string): string | null {
  const match = /^([a-z0-9-]+?)(-thumb)?\.webp$/.exec(fileName);
  return match ? match[1] : null;
}

/**
 * Who may see a stored photo. On a listing: everyone (every listing page is public, sold ones
 * included). Not on a listing (an upload waiting on /sell, the input of an AI call, an
 * evaluation case): only its uploader and console admins. Unknown: no one. `getViewer` is
 * called only when the answer depends on who asks, so public photos cost no session lookup.
 */
export async function decideImageAccess(fileName: string, getViewer: () => Promise<ImageViewer>): Promise<ImageAccess> {
  const storageKey = storageKeyOfFile(fileName);
  if (!storageKey) return { visible: false };
  const image = await getImageAccessByStorageKey(storageKey);
  if (!image) return { visible: false };
  if (image.listingId) return { visible: true, cacheControl: PUBLIC_IMAGE_CACHE };
  const viewer = await getViewer();
  const allowed = viewer !== null && (viewer.role === "admin" || (image.ownerId !== null && viewer.id === image.ownerId));
  return allowed ? { visible: true, cacheControl: PRIVATE_IMAGE_CACHE } : { visible: false };
}
