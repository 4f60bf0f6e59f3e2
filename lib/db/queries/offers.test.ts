import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listings, user } from "@/lib/db/schema";
import { listOffers, makeOffer, respondToOffer } from "./offers";
import { addMessage } from "./messages";
import { createReview, getReviewEligibility, getSellerProfile } from "./sellers";
import { blockConversation } from "./safety";
import { setListingStatus } from "./seller-listings";

let bikeId: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller", name: "Sam", email: "sam@example.com" },
    { id: "bea", name: "Bea", email: "bea@example.com" },
    { id: "olly", name: "Olly", email: "olly@example.com" },
  ]);
  [{ id: bikeId }] = await db
    .insert(listings)
    .values({ sellerId: "seller", title: "Kids bike", category: "Sports", condition: "good", priceCents: 5_000 })
    .returning({ id: listings.id });
});

describe("offers", () => {
  it("runs offer, counter, accept; the accepted offer reserves the listing and declines others", async () => {
    const first = await makeOffer("bea", { listingId: bikeId }, 3_000);
    if (!first.ok) throw new Error(first.reason);
    expect(first.recipientId).toBe("seller");
    const olly = await makeOffer("olly", { listingId: bikeId }, 3_500);
    if (!olly.ok) throw new Error(olly.reason);
    const conversationId = first.event.conversationId;

    // Only the side it was made to may answer; a forged answer finds nothing.
    expect(await respondToOffer("bea", first.offer.id, "accept")).toEqual({ ok: false, reason: "not-found" });
    const counter = await makeOffer("seller", { conversationId }, 4_000);
    if (!counter.ok) throw new Error(counter.reason);
    expect((await listOffers(conversationId)).map((offer) => [offer.amountCents, offer.status])).toEqual([
      [3_000, "countered"],
      [4_000, "pending"],
    ]);
    expect(await respondToOffer("seller", first.offer.id, "accept")).toEqual({ ok: false, reason: "not-pending" });

    const accepted = await respondToOffer("bea", counter.offer.id, "accept");
    if (!accepted.ok) throw new Error(accepted.reason);
    expect(accepted.makerId).toBe("seller");
    expect(accepted.declinedElsewhere).toEqual([{ offerId: olly.offer.id, buyerId: "olly", amountCents: 3_500 }]);
    const db = await getDb();
    const [listing] = await db.select().from(listings).where(eq(listings.id, bikeId));
    expect([listing.status, listing.reservedForId]).toEqual(["reserved", "bea"]);
    // A reserved listing takes no new offers.
    expect(await makeOffer("olly", { conversationId: olly.event.conversationId }, 4_500)).toEqual({ ok: false, reason: "not-available" });
  });

  it("refuses an offer on one's own listing", async () => {
    expect(await makeOffer("seller", { listingId: bikeId }, 100)).toEqual({ ok: false, reason: "own-listing" });
  });

  it("ends with a block, both ways, like messages; a hidden listing takes none", async () => {
    const db = await getDb();
    await db.insert(user).values({ id: "vase-seller", name: "Val", email: "val@example.com" });
    const [vase] = await db.insert(listings).values({ sellerId: "vase-seller", title: "Vase", category: "Other", condition: "good", priceCents: 900 }).returning({ id: listings.id });
    const opened = await makeOffer("bea", { listingId: vase.id }, 500);
    if (!opened.ok) throw new Error(opened.reason);
    expect(await blockConversation(opened.event.conversationId, "vase-seller")).toBe(true);
    expect(await makeOffer("bea", { conversationId: opened.event.conversationId }, 600)).toEqual({ ok: false, reason: "blocked" });
    expect(await respondToOffer("vase-seller", opened.offer.id, "accept")).toEqual({ ok: false, reason: "blocked" });

    await db.update(listings).set({ hiddenAt: new Date(), hiddenReason: "Counterfeit" }).where(eq(listings.id, vase.id));
    expect(await makeOffer("olly", { listingId: vase.id }, 500)).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("reviews and the seller profile", () => {
  it("shows the seller's place, and none of their hidden listings", async () => {
    const db = await getDb();
    await db.insert(user).values({ id: "pia", name: "Pia", email: "pia@example.com", defaultPlace: "Galway" });
    const [shown] = await db
      .insert(listings)
      .values([
        { sellerId: "pia", title: "Desk", category: "Furniture", condition: "good", priceCents: 4_000 },
        { sellerId: "pia", title: "Replica watch", category: "Other", condition: "good", priceCents: 2_000, hiddenAt: new Date(), hiddenReason: "Counterfeit" },
      ])
      .returning({ id: listings.id });
    const profile = await getSellerProfile("pia");
    expect(profile?.place).toBe("Galway");
    expect(profile?.forSale.map((listing) => listing.id)).toEqual([shown.id]);
  });

  it("lets only the named buyer review, once, after a real conversation", async () => {
    const db = await getDb();
    const [lamp] = await db
      .insert(listings)
      .values({ sellerId: "seller", title: "Desk lamp", category: "Home & Garden", condition: "good", priceCents: 1_500 })
      .returning({ id: listings.id });
    const opened = await makeOffer("olly", { listingId: lamp.id }, 1_000);
    if (!opened.ok) throw new Error(opened.reason);
    await setListingStatus("seller", lamp.id, "sold", "olly");
    // Olly only made an offer: the seller never wrote back, so there was no conversation yet.
    expect(await getReviewEligibility("olly", lamp.id)).toEqual({ ok: false, reason: "no-conversation" });
    await addMessage(opened.event.conversationId, "seller", "Deal, collect on Friday.");
    expect(await getReviewEligibility("bea", lamp.id)).toEqual({ ok: false, reason: "not-your-purchase" });
    expect(await createReview("olly", lamp.id, 5, "Lovely lamp")).toMatchObject({ ok: true });
    expect(await createReview("olly", lamp.id, 1, "Again")).toEqual({ ok: false, reason: "already-reviewed" });

    const profile = await getSellerProfile("seller");
    expect(profile?.soldCount).toBe(1);
    expect(profile?.reviews.map((review) => [review.rating, review.listingTitle, review.buyerName])).toEqual([[5, "Desk lamp", "Olly"]]);
    expect(profile?.forSale.map((listing) => listing.title)).toEqual(["Kids bike"]);
  });

  it("computes the median reply time from first messages and first replies", async () => {
    const db = await getDb();
    await db.insert(user).values({ id: "rita", name: "Rita", email: "rita@example.com" });
    const [shelf] = await db
      .insert(listings)
      .values({ sellerId: "rita", title: "Shelf", category: "Furniture", condition: "good", priceCents: 2_000 })
      .returning({ id: listings.id });
    const { conversations, messages } = await import("@/lib/db/schema");
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));
    for (const [buyer, replyAfter] of [["bea", 10], ["olly", 30], ["seller", null]] as const) {
      const [conversation] = await db.insert(conversations).values({ listingId: shelf.id, buyerId: buyer, sellerId: "rita" }).returning();
      await db.insert(messages).values({ conversationId: conversation.id, senderId: buyer, body: "Hi", createdAt: at(0) });
      if (replyAfter !== null) await db.insert(messages).values({ conversationId: conversation.id, senderId: "rita", body: "Hello", createdAt: at(replyAfter) });
    }
    const profile = await getSellerProfile("rita");
    expect(profile?.replyTimes).toEqual({ medianSeconds: 20 * 60, answered: 2, waiting: 1 });
  });
});
