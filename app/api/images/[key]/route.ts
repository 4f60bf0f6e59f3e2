import { getImageStorage, isValidStorageKey } from "@/lib/images/storage";

// Stored names are random and never rewritten, so a browser may keep them for a year.
const CACHE_FOREVER = "public, max-age=31536000, immutable";

export async function GET(_request: Request, { params }: RouteContext<"/api/images/[key]">) {
  const { key } = await params;
  if (!isValidStorageKey(key)) return new Response("Not found", { status: 404 });
  const bytes = await getImageStorage().get(key);
  if (!bytes) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.length),
      "Cache-Control": CACHE_FOREVER,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
