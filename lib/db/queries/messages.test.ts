import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { images, listings, user } from "@/lib/db/schema";
import {
  addMessage,
  findConversationId,
  getConversationForParticipant,
  getUnreadMessageCount,
  listConversations,
  markConversationRead,
  startConversation,
} from "./messages";

let bikeId: string;
let lampId: string;
let soldId: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller", name: "Sam Seller", email: "sam@example.com" },
    { id: "buyer", name: "Bea Buyer", email: "bea@example.com" },
    { id: "other-buyer", name: "Olly", email: "olly@example.com" },
    { id: "stranger", name: "Stranger", email: "stranger@example.com" },
  ]);
  const base = { sellerId: "seller", category: "Sports" as const, condition: "good" as const };
  [{ id: bikeId }, { id: lampId }, { id: soldId }] = await db
    .insert(listings)
    .values([
      { ...base, title: "Road bike", priceCents: 40_000 },
      { ...base, title: "Desk lamp", priceCents: 1_500 },
      { ...base, title: "Sold skis", priceCents: 9_000, status: "sold" },
    ])
    .returning({ id: listings.id });
});

async function start(listingId: string, buyerId: string, body: string) {
  const result = await startConversation(listingId, buyerId, body);
  if (!result.ok) throw new Error(`could not start a conversation: ${result.reason}`);
  return result.conversationId;
}

describe("startConversation", () => {
  it("keeps one conversation per listing and buyer", async () => {
    const first = await start(bikeId, "buyer", "Is it still available?");
    const second = await start(bikeId, "buyer", "Hello again");
    expect(second).toBe(first);
    expect(await findConversationId(bikeId, "buyer")).toBe(first);

    const otherBuyer = await start(bikeId, "other-buyer", "I'd like it too");
    expect(otherBuyer).not.toBe(first);

    const thread = await getConversationForParticipant(first, "buyer");
    expect(thread?.messages.map((message) => message.body)).toEqual(["Is it still available?", "Hello again"]);
  });

  it("refuses the seller writing about their own listing", async () => {
    expect(await startConversation(lampId, "seller", "Me again")).toEqual({ ok: false, reason: "own-listing" });
    expect(await findConversationId(lampId, "seller")).toBeNull();
  });

  it("refuses new conversations on a sold listing but lets an existing one continue", async () => {
    expect(await startConversation(soldId, "buyer", "Too late?")).toEqual({ ok: false, reason: "listing-sold" });
    expect(await findConversationId(soldId, "buyer")).toBeNull();

    const db = await getDb();
    await db.update(listings).set({ status: "active" }).where(eq(listings.id, soldId));
    const conversationId = await start(soldId, "other-buyer", "Are these skis free?");
    await db.update(listings).set({ status: "sold" }).where(eq(listings.id, soldId));

    expect(await start(soldId, "other-buyer", "Shame, thanks anyway")).toBe(conversationId);
    expect(await addMessage(conversationId, "seller", "Sorry!")).not.toBeNull();
  });

  it("refuses an unknown or malformed listing id", async () => {
    expect(await startConversation("00000000-0000-4000-8000-000000000000", "buyer", "Hi")).toEqual({ ok: false, reason: "listing-not-found" });
    expect(await startConversation("not-an-id", "buyer", "Hi")).toEqual({ ok: false, reason: "listing-not-found" });
  });
});

describe("participants only", () => {
  it("lets buyer and seller read and write, and nobody else", async () => {
    const conversationId = await start(lampId, "buyer", "Does the lamp work?");
    expect(await addMessage(conversationId, "seller", "It does")).toMatchObject({ body: "It does", senderId: "seller" });
    expect(await addMessage(conversationId, "buyer", "Great")).not.toBeNull();

    expect(await getConversationForParticipant(conversationId, "stranger")).toBeNull();
    expect(await addMessage(conversationId, "stranger", "Let me in")).toBeNull();
    expect(await markConversationRead(conversationId, "stranger")).toBe(false);
    expect((await listConversations("stranger")).length).toBe(0);

    const seen = await getConversationForParticipant(conversationId, "seller");
    expect(seen?.messages.map((message) => message.body)).toEqual(["Does the lamp work?", "It does", "Great"]);
    expect(seen?.messages.map((message) => message.senderId)).not.toContain("stranger");
    expect(seen).toMatchObject({ role: "seller", buyerName: "Bea Buyer", sellerName: "Sam Seller" });
  });

  it("returns null for an unknown or malformed conversation id", async () => {
    expect(await getConversationForParticipant("00000000-0000-4000-8000-000000000000", "buyer")).toBeNull();
    expect(await getConversationForParticipant("'; drop table messages; --", "buyer")).toBeNull();
    expect(await addMessage("nope", "buyer", "Hi")).toBeNull();
  });
});

describe("unread counts", () => {
  it("go up for the other side only and back to zero when read", async () => {
    const db = await getDb();
    await db.insert(user).values([
      { id: "counting-seller", name: "Cara", email: "cara@example.com" },
      { id: "counting-buyer", name: "Cole", email: "cole@example.com" },
    ]);
    const [{ id: listingId }] = await db
      .insert(listings)
      .values({ sellerId: "counting-seller", title: "Armchair", category: "Furniture", condition: "fair", priceCents: 5_000 })
      .returning({ id: listings.id });

    const conversationId = await start(listingId, "counting-buyer", "Hi");
    await addMessage(conversationId, "counting-buyer", "Can you deliver?");
    expect(await getUnreadMessageCount("counting-seller")).toBe(2);
    expect(await getUnreadMessageCount("counting-buyer")).toBe(0);
    expect(await unreadIn(conversationId, "counting-seller")).toBe(2);

    expect(await markConversationRead(conversationId, "counting-seller")).toBe(true);
    expect(await getUnreadMessageCount("counting-seller")).toBe(0);
    expect(await unreadIn(conversationId, "counting-seller")).toBe(0);
    expect(await markConversationRead(conversationId, "counting-seller")).toBe(false);

    await addMessage(conversationId, "counting-seller", "Yes, on Saturday");
    expect(await getUnreadMessageCount("counting-buyer")).toBe(1);
    expect(await getUnreadMessageCount("counting-seller")).toBe(0);
    await markConversationRead(conversationId, "counting-buyer");
    expect(await getUnreadMessageCount("counting-buyer")).toBe(0);
  });
});

describe("listConversations", () => {
  it("lists conversations as buyer and as seller, newest activity first, with the other party and last message", async () => {
    const db = await getDb();
    await db.insert(user).values([
      { id: "trader", name: "Tess", email: "tess@example.com" },
      { id: "neighbour", name: "Nico", email: "nico@example.com" },
    ]);
    const [mine, theirs] = await db
      .insert(listings)
      .values([
        { sellerId: "trader", title: "Guitar", category: "Other", condition: "good", priceCents: 20_000 },
        { sellerId: "neighbour", title: "Tent", category: "Sports", condition: "like_new", priceCents: 7_500 },
      ])
      .returning({ id: listings.id });
    const photo = { ownerId: "neighbour", listingId: theirs.id, width: 10, height: 10, bytes: 100, sha256: "x", originalType: "image/jpeg" };
    await db.insert(images).values([
      { ...photo, storageKey: "tent-side", position: 1 },
      { ...photo, storageKey: "tent-front", position: 0 },
    ]);

    const selling = await start(mine.id, "neighbour", "Is the guitar left-handed?");
    const buying = await start(theirs.id, "trader", "How many people fit in the tent?");
    await addMessage(buying, "neighbour", "Three, snugly. ".repeat(20));

    const rows = await listConversations("trader");
    expect(rows.map((row) => row.id)).toEqual([buying, selling]);
    expect(rows[0]).toMatchObject({
      role: "buyer",
      listingId: theirs.id,
      listingTitle: "Tent",
      listingPriceCents: 7_500,
      listingImageKey: "tent-front",
      otherPartyName: "Nico",
      lastMessageSenderId: "neighbour",
      unreadCount: 1,
    });
    expect(rows[0].lastMessageSnippet.length).toBeLessThanOrEqual(140);
    expect(rows[1]).toMatchObject({
      role: "seller",
      listingTitle: "Guitar",
      listingImageKey: null,
      otherPartyName: "Nico",
      lastMessageSnippet: "Is the guitar left-handed?",
      unreadCount: 1,
    });

    await addMessage(selling, "trader", "No, right-handed");
    expect((await listConversations("trader")).map((row) => [row.id, row.unreadCount])).toEqual([
      [selling, 0],
      [buying, 1],
    ]);
  });
});

async function unreadIn(conversationId: string, userId: string) {
  const rows = await listConversations(userId);
  return rows.find((row) => row.id === conversationId)?.unreadCount;
}
