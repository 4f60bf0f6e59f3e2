import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { conversations, images, listings, moderationLog, reports, user } from "@/lib/db/schema";
import { getListingById, getSitemapListings, searchListings } from "./listings";
import { addMessage, startConversation } from "./messages";
import { claimModerationItem, dismissModerationItem, getModerationItem, hideListing, liftSuspension, listModerationLog, listModerationQueue, restoreListing, suspendUser } from "./moderation";
import { blockConversation, fileReport, flagScreenedPhotos, getActiveSuspension, getOwnLatestReport, getReportsByReporter, unblockConversation } from "./safety";

let bikeId: string;
let lampId: string;
let conversationId: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller", name: "Sam Seller", email: "sam@example.com" },
    { id: "buyer", name: "Bea Buyer", email: "bea@example.com" },
    { id: "buyer-2", name: "Bo", email: "bo@example.com" },
    { id: "mod", name: "Mo Moderator", email: "mo@example.com", role: "moderator" },
  ]);
  const base = { sellerId: "seller", category: "Sports" as const, condition: "good" as const };
  [{ id: bikeId }, { id: lampId }] = await db
    .insert(listings)
    .values([
      { ...base, title: "Road bike", priceCents: 40_000 },
      { ...base, title: "Desk lamp", priceCents: 1_500 },
    ])
    .returning({ id: listings.id });
  const [conversation] = await db.insert(conversations).values({ listingId: lampId, buyerId: "buyer", sellerId: "seller" }).returning();
  conversationId = conversation.id;
});

const report = (reporterId: string, targetId = bikeId, kind: "listing" | "conversation" = "listing") => fileReport({ reporterId, kind, targetId, reason: "scam", note: "" });
const searchIds = async (q?: string) => (await searchListings({ q })).items.map((item) => item.id);

describe("reports", () => {
  it("takes one open report per person per item, groups them by item, and lists the item in the queue", async () => {
    expect((await report("buyer")).ok).toBe(true);
    expect(await report("buyer")).toEqual({ ok: false, reason: "already-reported" });
    expect((await report("buyer-2")).ok).toBe(true);
    const [item] = (await listModerationQueue()).filter((row) => row.listingId === bikeId);
    expect(item.reportCount).toBe(2);
    expect(item.reasons).toEqual(["scam"]);
    expect((await getOwnLatestReport("buyer", "listing", bikeId))?.status).toBe("open");
  });

  it("refuses a seller's report on their own listing, and a conversation report from outside it", async () => {
    expect(await report("seller")).toEqual({ ok: false, reason: "own-listing" });
    expect(await report("buyer-2", conversationId, "conversation")).toEqual({ ok: false, reason: "not-found" });
    expect(await report("buyer", crypto.randomUUID())).toEqual({ ok: false, reason: "not-found" });
  });

  it("lists the queue oldest first", async () => {
    await report("buyer", lampId);
    const order = (await listModerationQueue()).map((row) => row.listingId);
    expect(order.indexOf(bikeId)).toBeLessThan(order.indexOf(lampId));
  });
});

describe("moderating a listing", () => {
  it("hides it from search, the sitemap and new conversations, tells the reporters, and restores it, all in the audit log", async () => {
    const [item] = (await listModerationQueue()).filter((row) => row.listingId === bikeId);
    expect((await claimModerationItem("mod", item.id, "Took it")).ok).toBe(true);
    expect(await hideListing("mod", { listingId: bikeId, itemId: item.id, reason: "Fake listing", publicReason: "Fake listing", decision: "Removed." })).toEqual({ ok: true, told: { reporterIds: expect.arrayContaining(["buyer"]), decision: "Removed." } });
    expect(await searchIds()).not.toContain(bikeId);
    expect((await getSitemapListings()).map((row) => row.id)).not.toContain(bikeId);
    expect((await getListingById(bikeId))?.unavailable).toBe(true);
    expect(await startConversation(bikeId, "buyer-2", "Still there?")).toEqual({ ok: false, reason: "listing-not-found" });
    expect((await getReportsByReporter("buyer")).find((row) => row.listingId === bikeId)).toMatchObject({ status: "resolved", decision: "Removed." });
    expect((await listModerationQueue()).map((row) => row.listingId)).not.toContain(bikeId);
    // Hiding twice changes nothing, and says so.
    expect(await hideListing("mod", { listingId: bikeId, itemId: null, reason: "Again", publicReason: "Again", decision: "Removed." })).toEqual({ ok: false, reason: "unchanged" });

    expect(await restoreListing("mod", { listingId: bikeId, reason: "Seller proved it is real" })).toEqual({ ok: true });
    expect(await searchIds()).toContain(bikeId);
    const actions = (await listModerationLog()).map((entry) => [entry.action, entry.moderatorName, entry.reason]);
    expect(actions.slice(0, 3)).toEqual([
      ["restore_listing", "Mo Moderator", "Seller proved it is real"],
      ["hide_listing", "Mo Moderator", "Fake listing"],
      ["claim", "Mo Moderator", "Took it"],
    ]);
  });

  it("reopens a decided item when someone reports it again", async () => {
    expect((await report("buyer")).ok).toBe(true);
    const [item] = (await listModerationQueue()).filter((row) => row.listingId === bikeId);
    expect(item.reportCount).toBe(1);
    expect(item.claimedBy).toBeNull();
    expect(await dismissModerationItem("mod", item.id, "Looks fine", "Nothing wrong.")).toEqual({ ok: true, told: { reporterIds: ["buyer"], decision: "Nothing wrong." } });
    expect(await dismissModerationItem("mod", item.id, "Again", "Nothing wrong.")).toEqual({ ok: false, reason: "closed" });
    // Nothing was deleted: every report is still there.
    const db = await getDb();
    expect((await db.select().from(reports).where(eq(reports.itemId, item.id))).length).toBe(3);
  });
});

describe("suspensions", () => {
  it("hide a suspended seller's listings until lifted, and stop their messages only through the actions", async () => {
    const before = await searchIds();
    expect(before).toContain(lampId);
    const endsAt = new Date(Date.now() + 86_400_000);
    expect(await suspendUser("mod", { userId: "seller", itemId: null, endsAt, reason: "Scams", decision: "Suspended." })).toEqual({ ok: true });
    expect((await getActiveSuspension("seller"))?.endsAt?.getTime()).toBe(endsAt.getTime());
    expect(await searchIds()).not.toContain(lampId);
    expect((await getListingById(lampId))?.unavailable).toBe(true);
    expect(await liftSuspension("mod", { userId: "seller", reason: "Appeal upheld" })).toEqual({ ok: true });
    expect(await getActiveSuspension("seller")).toBeNull();
    expect(await searchIds()).toContain(lampId);
    expect(await liftSuspension("mod", { userId: "seller", reason: "Again" })).toEqual({ ok: false, reason: "unchanged" });
  });

  it("treat a suspension that has ended as over", async () => {
    await suspendUser("mod", { userId: "buyer-2", itemId: null, endsAt: new Date(Date.now() - 1000), reason: "Old", decision: "" });
    expect(await getActiveSuspension("buyer-2")).toBeNull();
  });
});

describe("blocks", () => {
  it("stop messages both ways until the blocker lifts theirs; only participants can block", async () => {
    expect(await addMessage(conversationId, "buyer", "Hello")).not.toBeNull();
    expect(await blockConversation(conversationId, "buyer-2")).toBe(false);
    expect(await blockConversation(conversationId, "seller")).toBe(true);
    expect(await addMessage(conversationId, "buyer", "Why?")).toBeNull();
    expect(await addMessage(conversationId, "seller", "Bye")).toBeNull();
    expect(await startConversation(lampId, "buyer", "Let me in")).toEqual({ ok: false, reason: "blocked" });
    expect(await unblockConversation(conversationId, "buyer")).toBe(false);
    expect(await unblockConversation(conversationId, "seller")).toBe(true);
    expect(await addMessage(conversationId, "buyer", "Thanks")).not.toBeNull();
  });
});

describe("photo screening flags", () => {
  it("files one report per photo over the threshold, once", async () => {
    const db = await getDb();
    const photo = { ownerId: "seller", listingId: lampId, width: 10, height: 10, bytes: 10, sha256: "x", originalType: "image/jpeg" };
    await db.insert(images).values([
      { ...photo, storageKey: crypto.randomUUID(), screeningScore: 0.95, position: 0 },
      { ...photo, storageKey: crypto.randomUUID(), screeningScore: 0.2, position: 1 },
      { ...photo, storageKey: crypto.randomUUID(), screeningScore: null, position: 2 },
    ]);
    expect(await flagScreenedPhotos(lampId, 0.7)).toBe(1);
    expect(await flagScreenedPhotos(lampId, 0.7)).toBe(0);
    const [item] = (await listModerationQueue()).filter((row) => row.listingId === lampId);
    expect(item.reasons).toContain("explicit_photo");
    const detail = await getModerationItem(item.id);
    expect(detail?.reports.some((row) => row.reporterName === null && row.note.includes("0.95"))).toBe(true);
    expect(detail?.listing?.photos.map((row) => row.screeningScore)).toEqual([0.95, 0.2, null]);
  });
});

describe("the audit log", () => {
  it("has an entry for every decision, each naming who and why", async () => {
    const db = await getDb();
    const entries = await db.select().from(moderationLog);
    expect(entries.length).toBeGreaterThanOrEqual(7);
    expect(entries.every((entry) => entry.moderatorId === "mod" && entry.reason.length > 0)).toBe(true);
  });
});
