import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import { createRedisCacheHandler } from "./redis-cache-handler.mjs";

// Two handler classes, each with its own Redis connection, stand for two nodes of a fleet. Runs
// when a Redis server listens on 127.0.0.1:6379 (database 15, keys under a prefix of this run).
const REDIS_URL = "redis://127.0.0.1:6379/15";
const prefix = `trova-test:${process.pid}:${Date.now()}:`;

const redisListening = await new Promise<boolean>((resolve) => {
  const socket = net.connect(6379, "127.0.0.1");
  socket.once("connect", () => (socket.end(), resolve(true)));
  socket.once("error", () => resolve(false));
});

type Handler = InstanceType<ReturnType<typeof createRedisCacheHandler>>;
const FETCH = { kind: "FETCH" } as const;

function fetchEntry(body: string, tags: string[]) {
  return { kind: "FETCH", data: { headers: {}, body, url: "https://example.test/data", status: 200 }, revalidate: 3600, tags } as const;
}

function node(): Handler {
  const Handler = createRedisCacheHandler({ url: REDIS_URL, prefix });
  return new Handler({ revalidatedTags: [], _requestHeaders: {} });
}

describe.runIf(redisListening)("the Redis cache handler", () => {
  afterAll(async () => {
    const redis = await createClient({ url: REDIS_URL }).connect();
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*` })) if (keys.length) await redis.del(keys);
    await redis.quit();
  });

  it("serves on node B what node A cached, Buffers and Maps included", async () => {
    const [a, b] = [node(), node()];
    await a.set("listing-1", fetchEntry("first", ["listing:1"]) as never, { fetchCache: true, tags: ["listing:1"] } as never);
    const seen = await b.get("listing-1", { ...FETCH, tags: ["listing:1"] } as never);
    expect(seen?.value).toMatchObject({ kind: "FETCH", data: { body: "first" } });

    const page = { kind: "APP_PAGE", html: "<p>hi</p>", rscData: Buffer.from([1, 2, 3]), segmentData: new Map([["/a", Buffer.from("seg")]]), headers: {}, status: 200 };
    await a.set("/page", page as never, { cacheControl: { revalidate: 60, expire: 120 } } as never);
    const copy = (await b.get("/page", { kind: "APP_PAGE" } as never))?.value as unknown as typeof page;
    expect(copy.rscData).toEqual(Buffer.from([1, 2, 3]));
    expect(copy.segmentData.get("/a")).toEqual(Buffer.from("seg"));
  });

  it("drops the entry on every node when one node invalidates its tag", async () => {
    const [a, b] = [node(), node()];
    await a.set("listing-2", fetchEntry("old", ["listing:2"]) as never, { fetchCache: true, tags: ["listing:2"] } as never);
    expect(await b.get("listing-2", { ...FETCH, tags: ["listing:2"] } as never)).not.toBeNull();
    await a.revalidateTag("listing:2");
    expect(await b.get("listing-2", { ...FETCH, tags: ["listing:2"] } as never)).toBeNull();
    expect(await a.get("listing-2", { ...FETCH, tags: ["listing:2"] } as never)).toBeNull();
    // What is written after the invalidation (a later millisecond: a tie counts as invalidated) is served again.
    await new Promise((resolve) => setTimeout(resolve, 2));
    await b.set("listing-2", fetchEntry("new", ["listing:2"]) as never, { fetchCache: true, tags: ["listing:2"] } as never);
    expect((await a.get("listing-2", { ...FETCH, tags: ["listing:2"] } as never))?.value).toMatchObject({ data: { body: "new" } });
  });

  it("honours revalidatePath's soft tags, which the entry itself does not carry", async () => {
    const [a, b] = [node(), node()];
    await a.set("home-data", fetchEntry("home", []) as never, { fetchCache: true, tags: [] } as never);
    await b.revalidateTag(["_N_T_/"], { expire: 0 });
    expect(await a.get("home-data", { ...FETCH, tags: [], softTags: ["_N_T_/layout", "_N_T_/"] } as never)).toBeNull();
  });

  it("makes a miss, not an error, when Redis cannot be reached", async () => {
    const Unreachable = createRedisCacheHandler({ url: "redis://127.0.0.1:1", prefix });
    const handler = new Unreachable({ revalidatedTags: [], _requestHeaders: {} });
    expect(await handler.get("anything", FETCH as never)).toBeNull();
    await expect(handler.set("anything", fetchEntry("x", []) as never, {} as never)).resolves.toBeUndefined();
  });
});
