import { getCurrentUser } from "@/lib/auth/session";
import { decideImageAccess } from "@/lib/images/access";
import { getImageStorage, isValidStorageKey } from "@/lib/images/storage";

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * A stored photo, to whoever may see it (lib/images/access.ts). Someone who may not gets the
 * same 404 as for a name that was never used: a photo's existence is not confirmed to strangers.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/images/[key]">) {
  const { key } = await params;
  if (!isValidStorageKey(key)) return NOT_FOUND();
  const access = await decideImageAccess(key, getCurrentUser);
  if (!access.visible) return NOT_FOUND();
  const bytes = await getImageStorage().get(key);
  if (!bytes) return NOT_FOUND();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.length),
      "Cache-Control": access.cacheControl,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
