import type { CacheHandler } from "next/dist/server/lib/incremental-cache";

export function createRedisCacheHandler(options: { url: string | undefined; prefix: string }): typeof CacheHandler;
declare const RedisCacheHandler: typeof CacheHandler;
export default RedisCacheHandler;
