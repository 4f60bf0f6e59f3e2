// Next.js's data cache (fetch cache, unstable_cache, cached route and page entries) and its tag
// invalidations (revalidatePath, revalidateTag) in Redis, shared by every node: what one node
// invalidates is invalid on all of them at once. next.config.ts installs it when REDIS_URL is set.
//
// A small handler of our own on the `redis` client rather than @fortedigital/nextjs-cache-handler,
// whose current releases need Node 22 (Trova supports Node 20). It is plain JavaScript because
// Next.js loads it by path at start, outside the app's bundle; for the same reason it reads
// REDIS_URL and REDIS_KEY_PREFIX itself (lib/env.ts validates both when the app starts).
import fs from "node:fs";
import path from "node:path";
import { createClient } from "redis";

// Entries without a lifetime of their own expire after this; tags are kept for as long.
const DEFAULT_TTL_SECONDS = 30 * 24 * 60 * 60;
// A Redis that does not answer makes a cache miss (the page renders), not a stuck request.
const COMMAND_TIMEOUT_MS = 1_000;

/** Buffers and Maps (page payloads, segment data) survive the trip through JSON. */
function replacer(key, value) {
  const raw = this[key];
  if (Buffer.isBuffer(raw)) return { $buffer: raw.toString("base64") };
  if (raw instanceof Map) return { $map: [...raw.entries()] };
  return value;
}

function reviver(_key, value) {
  if (value && typeof value === "object") {
    if (typeof value.$buffer === "string") return Buffer.from(value.$buffer, "base64");
    if (Array.isArray(value.$map)) return new Map(value.$map);
  }
  return value;
}

function withTimeout(promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * True when a tag was invalidated after the entry was written (stale counts: fresh at once). An
 * invalidation in the same millisecond as the write wins: a needless miss, never a stale page.
 */
function invalidatedSince(stamp, lastModified, now) {
  if (!stamp) return false;
  const { stale, expired } = JSON.parse(stamp);
  if (typeof stale === "number" && stale >= lastModified) return true;
  return typeof expired === "number" && expired <= now && expired >= lastModified;
}

function tagsOf(data, ctx) {
  if (Array.isArray(ctx?.tags)) return ctx.tags;
  if (Array.isArray(data?.tags)) return data.tags;
  const header = data?.headers?.["x-next-cache-tags"];
  return typeof header === "string" ? header.split(",").filter(Boolean) : [];
}

/** A cache handler class on its own Redis connection; each node (process) has one. */
export function createRedisCacheHandler({ url, prefix }) {
  let connecting;
  const client = () => {
    connecting ??= createClient({
      url,
      // Fail commands at once while disconnected instead of queueing them behind a dead server.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
    })
      .on("error", (error) => console.error("[cache] Redis:", error.message))
      .connect();
    return connecting;
  };
  const run = async (work) => withTimeout(client().then(work));
  const tagsKey = `${prefix}cache:tags`;

  return class RedisCacheHandler {
    constructor(ctx = {}) {
      // Entries are kept per build: a new release never serves a page rendered by the old one.
      this.entryPrefix = `${prefix}cache:entry:${readBuildId(ctx.serverDistDir)}:`;
    }

    async get(key, ctx) {
      try {
        const raw = await run((redis) => redis.get(this.entryPrefix + key));
        if (!raw) return null;
        const entry = JSON.parse(raw, reviver);
        const tags = [...new Set([...(entry.tags ?? []), ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])])];
        if (tags.length > 0) {
          const stamps = await run((redis) => redis.hmGet(tagsKey, tags));
          const now = Date.now();
          if (stamps.some((stamp) => invalidatedSince(stamp, entry.lastModified, now))) return null;
        }
        return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
      } catch (error) {
        console.error(`[cache] read of ${key} failed, rendering instead:`, error.message);
        return null;
      }
    }

    async set(key, data, ctx) {
      try {
        if (data === null) {
          await run((redis) => redis.del(this.entryPrefix + key));
          return;
        }
        const expire = ctx?.cacheControl?.expire;
        const ttl = typeof expire === "number" && expire > 0 ? Math.min(expire, DEFAULT_TTL_SECONDS) : DEFAULT_TTL_SECONDS;
        const entry = { lastModified: Date.now(), value: data, tags: tagsOf(data, ctx), cacheControl: ctx?.cacheControl };
        await run((redis) => redis.set(this.entryPrefix + key, JSON.stringify(entry, replacer), { EX: Math.ceil(ttl) }));
      } catch (error) {
        console.error(`[cache] write of ${key} failed:`, error.message);
      }
    }

    async revalidateTag(tags, durations) {
      const list = typeof tags === "string" ? [tags] : tags;
      if (list.length === 0) return;
      const now = Date.now();
      // As Next's own handler: no durations expires at once; durations mark stale now, expire later.
      const stamp = durations
        ? { stale: now, ...(durations.expire === undefined ? {} : { expired: now + durations.expire * 1000 }) }
        : { expired: now };
      const fields = Object.fromEntries(list.map((tag) => [tag, JSON.stringify(stamp)]));
      try {
        await run((redis) => redis.hSet(tagsKey, fields));
      } catch (error) {
        // The seller's change is saved; other nodes may serve stale entries until they expire.
        console.error(`[cache] invalidation of ${list.join(", ")} NOT shared with other nodes:`, error.message);
      }
    }

    resetRequestCache() {}
  };
}

function readBuildId(serverDistDir) {
  try {
    return fs.readFileSync(path.join(serverDistDir ?? path.join(".next", "server"), "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "dev";
  }
}

export default createRedisCacheHandler({
  url: process.env.REDIS_URL,
  prefix: process.env.REDIS_KEY_PREFIX || "trova:",
});
