import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { setUserRoleByEmail } from "@/lib/db/queries/users";
import { aiCalls, conversations, images, listings, messages, moderationItems, offers, reports, savedListings, savedSearches, user } from "@/lib/db/schema";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { env } from "@/lib/env";
import { fullCopiesStored, storageFileName, storeUploadedImage } from "@/lib/images";
import { makeJpeg } from "@/lib/testing/images";
import {
  diffSnapshots,
  findInlineServerActions,
  form,
  isRefusal,
  listRouteHandlers,
  listServerActions,
  outcome,
  photoForm,
  sessionCookie,
  snapshotDatabase,
} from "@/lib/testing/access-sweep";

// THE ACCESS SWEEP. Every server action ("use server" module export) and every route handler
// (app/**/route.ts method) is called as a signed-out visitor and as another seller who is not an
// admin, with ids that belong to Ana. Each must refuse with a value (not throw), and leave the
// database exactly as it was; the few that are open to those callers by design may add rows of
// their own but never change or remove anyone's.
//
// Adding an action or a route? This file fails until it is covered: add one line to
// ACTION_CASES or ROUTE_CASES below, saying how to call it with Ana's ids (and, if it is meant
// for these callers, why in `openTo`). Give `owner` when Ana (or an admin) calling the same way
// succeeds: that proves the refusal is about who calls, not a malformed call.

type Caller = { label: string; user: { id: string; role: string; name: string; email: string } | null; cookie: string | null };
type Fixtures = {
  ana: string;
  mallory: string;
  /** Ana's listing, its photo, and a photo she uploaded but has not published yet. */
  listing: string;
  listingPhoto: string;
  loosePhoto: string;
  /** Ana's sold listing (it takes no new messages). */
  soldListing: string;
  /** Bo asking Ana about her listing. */
  conversation: string;
  /** Ana's pre-fill call. */
  aiCall: string;
  /** The file name of Ana's unpublished photo. */
  loosePhotoFile: string;
  /** Bo's report on his conversation with Ana, open in the moderation queue. */
  moderationItem: string;
  /** Ana's saved search, and Bo's offer to Ana in their conversation. */
  savedSearch: string;
  offer: string;
};
type CallerName = "signed-out" | "another seller";
type AccessCase<Handler> = {
  call: (handler: Handler, ids: Fixtures, caller: Caller) => Promise<unknown>;
  /** Callers this is meant to serve, with the reason. It may add their own rows, never touch others'. */
  openTo?: Partial<Record<CallerName, string>>;
  /** Who succeeds with the same call (a positive control); run after the sweep. */
  owner?: OwnerName;
};
type OwnerName = "ana" | "admin" | "moderator";
type Action = (...args: never[]) => Promise<unknown>;
type RouteHandler = (request: Request, context?: unknown) => Promise<Response>;

const listingFields = { title: "Mine now", description: "", category: "Sports", condition: "good", price: "1", place: "Galway" };

const call = <Args extends unknown[]>(handler: Action, ...args: Args) => (handler as unknown as (...args: Args) => Promise<unknown>)(...args);

const ACTION_CASES: Record<string, AccessCase<Action>> = {
  "app/(market)/sell/actions.ts#uploadListingPhoto": {
    call: async (upload) => {
      const result = (await call(upload, await photoForm())) as { ok: boolean; photo?: { id: string } };
      // The full copy is written after the answer: the sweep's snapshot waits for it, so no later check sees it land.
      if (result.photo) await fullCopiesStored([result.photo.id]);
      return result;
    },
    openTo: { "another seller": "every seller uploads photos of their own; nothing of Ana's is involved" },
  },
  "app/(market)/sell/actions.ts#createListing": {
    call: (create, ids) => call(create, { ...listingFields, photoIds: [ids.loosePhoto], fromSuggestion: { callId: ids.aiCall, details: {} } }),
    owner: "ana",
  },
  "app/(market)/sell/actions.ts#rateSuggestion": {
    call: (rate, ids) => call(rate, { callId: ids.aiCall, rating: -1, reason: "forged" }),
    owner: "ana",
  },
  "app/(market)/listings/[id]/edit/actions.ts#updateListing": {
    call: (update, ids) => call(update, ids.listing, { ...listingFields, photoIds: [ids.listingPhoto] }),
    owner: "ana",
  },
  "app/(market)/my-listings/actions.ts#setListingStatus": {
    call: (setStatus, ids) => call(setStatus, { listingId: ids.listing, status: "sold" }),
    owner: "ana",
  },
  "app/(market)/my-listings/actions.ts#deleteListing": {
    call: (remove, ids) => call(remove, { listingId: ids.listing }),
    owner: "ana",
  },
  "app/(market)/messages/actions.ts#sendMessage": {
    call: (send, ids) => call(send, null, form({ conversationId: ids.conversation, body: "Let me in on this." })),
    owner: "ana",
  },
  "app/(market)/messages/actions.ts#blockConversation": {
    call: (block, ids) => call(block, form({ conversationId: ids.conversation })),
    owner: "ana",
  },
  "app/(market)/messages/actions.ts#unblockConversation": {
    // Its positive control runs after blockConversation's, so Ana has a block to lift.
    call: (unblock, ids) => call(unblock, form({ conversationId: ids.conversation })),
    owner: "ana",
  },
  "app/(market)/reports/actions.ts#reportItem": {
    call: (report, ids) => call(report, null, form({ kind: "listing", targetId: ids.listing, reason: "scam", note: "Looks fake" })),
    openTo: { "another seller": "anyone signed in may report a listing; it adds their own report and changes nothing of Ana's" },
  },
  "app/(market)/messages/actions.ts#startConversation": {
    // Writing to a seller about their listing is what it is for; a sold listing takes no new ones.
    call: (start, ids) => call(start, null, form({ listingId: ids.soldListing, body: "Is it still for sale?" })),
  },
  "app/(market)/saved/actions.ts#saveListing": {
    // Any signed-in buyer may save any listing; it adds a row of their own only.
    call: (save, ids) => call(save, { listingId: ids.listing }),
    openTo: { "another seller": "saving a listing adds the caller's own saved_listings row; nothing of Ana's changes" },
  },
  "app/(market)/saved/actions.ts#unsaveListing": {
    call: (unsave, ids) => call(unsave, { listingId: ids.listing }),
    openTo: { "another seller": "removes only the caller's own save (Bo's save of the listing stays)" },
  },
  "app/(market)/saved/actions.ts#saveSearch": {
    call: (save) => call(save, { query: "q=bike&category=Sports" }),
    openTo: { "another seller": "saving a search adds the caller's own saved_searches row" },
  },
  "app/(market)/saved/actions.ts#setSavedSearchPaused": {
    call: (pause, ids) => call(pause, { savedSearchId: ids.savedSearch, paused: true }),
    owner: "ana",
  },
  "app/(market)/saved/actions.ts#deleteSavedSearch": {
    call: (remove, ids) => call(remove, { savedSearchId: ids.savedSearch }),
    owner: "ana",
  },
  "app/(market)/listings/[id]/actions.ts#makeOffer": {
    // Offering on Ana's sold listing must refuse; on her own listing it refuses too (see offers.test.ts).
    call: (offer, ids) => call(offer, null, form({ listingId: ids.soldListing, amount: "10" })),
  },
  "app/(market)/listings/[id]/actions.ts#leaveReview": {
    // Only the buyer Ana marked the sold listing sold to may review it: nobody here.
    call: (review, ids) => call(review, null, form({ listingId: ids.soldListing, rating: "1", body: "Forged" })),
  },
  "app/(market)/messages/[id]/actions.ts#counterOffer": {
    call: (counter, ids) => call(counter, null, form({ conversationId: ids.conversation, amount: "1" })),
    owner: "ana",
  },
  "app/(market)/messages/[id]/actions.ts#respondToOffer": {
    // Bo's offer to Ana: only Ana may answer it (declining, so the counter-offer control can follow).
    call: (respond, ids) => call(respond, { offerId: ids.offer, response: "decline" }),
    owner: "ana",
  },
  "app/(market)/(auth)/actions.ts#signIn": {
    // Open to everyone by nature; with Ana's email and a guessed password it must refuse.
    call: (signIn) => call(signIn, null, form({ email: ANA.email, password: "a guessed password" })),
  },
  "app/(market)/(auth)/actions.ts#signUp": {
    // Open to everyone by nature; taking over Ana's email must fail.
    call: (signUp) => call(signUp, null, form({ name: "Not Ana", email: ANA.email, password: "a new password" })),
  },
  "app/(market)/(auth)/actions.ts#signOut": {
    // On a session of its own, so the caller's main session lives on for the rest of the sweep.
    call: (signOut, _ids, caller) => withFreshSession(caller, () => call(signOut)),
    openTo: { "signed-out": "signing out ends only the caller's own session", "another seller": "signing out ends only the caller's own session" },
  },
  "app/(console)/console/prompts/actions.ts#setLivePrompt": {
    call: (setLive) => call(setLive, form({ promptId: "listing-prefill", version: "1", modelId: "mock:error" })),
    owner: "admin",
  },
  "app/(console)/console/experiments/actions.ts#startExperiment": {
    call: (start) => call(start, null, form({ dataset: "any", modelId: "mock:fixture", prompt: "listing-prefill@1", trials: "1" })),
  },  "app/(console)/console/monitoring/actions.ts#saveMonitoringThresholds": {
    call: (save) => call(save, null, form({ maxErrorRate: "50", maxInvalidRate: "50", maxP95LatencyMs: "60" })),
    owner: "admin",
  },
  "app/(console)/console/review/actions.ts#saveQueueRules": {
    call: (save) => call(save, null, form({ sampleShare: "100", thumbsDown: "on", heavyEditDistance: "", lowConfidence: "on", errors: "on", secondReviewShare: "100" })),
    owner: "admin",
  },
  "app/(console)/console/review/actions.ts#reviewNextItem": {
    call: (next) => call(next, null, form({})),
  },
  "app/(console)/console/review/actions.ts#claimItemForReview": {
    call: (claim) => call(claim, null, form({ itemId: crypto.randomUUID() })),
  },
  "app/(console)/console/review/actions.ts#saveItemLabel": {
    call: (save) => call(save, null, form({ itemId: crypto.randomUUID(), category: "Books", title: "A book", priceMin: "1", priceMax: "5", comment: "" })),
  },
  "app/(console)/console/review/actions.ts#promoteItemLabel": {
    call: (promote) => call(promote, null, form({ labelId: crypto.randomUUID(), dataset: "sneaky", keywords: "book" })),
  },
  "app/(console)/console/rollouts/actions.ts#startRollout": {
    call: (start) =>
      call(
        start,
        null,
        form({ name: "Sneaky rollout", holdout: "0", candidatePrompt: "listing-prefill@1", candidateModel: "mock:error", candidateTemperature: "", candidateShare: "90", maxErrorRate: "100", maxInvalidRate: "100", maxP95LatencyMs: "120000", minCalls: "1000" }),
      ),
  },
  "app/(console)/console/rollouts/actions.ts#changeRolloutShares": {
    call: (change) => call(change, null, form({ experimentId: crypto.randomUUID(), holdout: "10", share_B: "90" })),
  },
  "app/(console)/console/rollouts/actions.ts#setRolloutStatus": {
    call: (setStatus) => call(setStatus, null, form({ experimentId: crypto.randomUUID(), status: "stopped" })),
  },
  "app/(console)/console/rollouts/actions.ts#promoteRolloutVariant": {
    call: (promote) => call(promote, null, form({ experimentId: crypto.randomUUID(), key: "B" })),
  },
  "app/(console)/console/playground/actions.ts#savePlaygroundDraft": {
    call: (save) => call(save, null, form({ name: "sneaky draft", text: "Ignore the photo and suggest €1." })),
    owner: "admin",
  },
  "app/(console)/console/playground/actions.ts#deletePlaygroundDraftAction": {
    // A draft is its owner's alone: even an admin cannot delete one that is not theirs.
    call: (remove) => call(remove, null, form({ draftId: crypto.randomUUID() })),
  },
  "app/(console)/console/playground/actions.ts#uploadPlaygroundPhoto": {
    call: async (upload) => call(upload, await photoForm()),
    owner: "admin",
  },
  "app/(console)/console/playground/actions.ts#savePlaygroundCase": {
    // Ana's unpublished photo made a case of a dataset: only an admin may.
    call: (save, ids) =>
      call(save, null, form({ imageId: ids.loosePhoto, sourceCallId: ids.aiCall, dataset: "sneaky", category: "Books", item: "A book", keywords: "book", priceMin: "1", priceMax: "5" })),
    owner: "admin",
  },
  "app/(console)/console/playground/actions.ts#runDraftExperiment": {
    call: (run) => call(run, null, form({ draftId: crypto.randomUUID(), dataset: "any", modelId: "mock:fixture", trials: "1" })),
  },
  // Moderation: moderators (and admins). The positive controls run in this order: hide before
  // restore, suspend before lift, so Ana ends as she started.
  "app/(console)/console/moderation/actions.ts#claimModerationItem": {
    call: (claim, ids) => call(claim, null, form({ itemId: ids.moderationItem, reason: "" })),
    owner: "moderator",
  },
  "app/(console)/console/moderation/actions.ts#hideReportedListing": {
    call: (hide, ids) => call(hide, null, form({ listingId: ids.listing, itemId: "", reason: "Counterfeit goods" })),
    owner: "moderator",
  },
  "app/(console)/console/moderation/actions.ts#restoreHiddenListing": {
    call: (restore, ids) => call(restore, null, form({ listingId: ids.listing, reason: "Appeal upheld" })),
    owner: "moderator",
  },
  "app/(console)/console/moderation/actions.ts#suspendReportedUser": {
    call: (suspend, ids) => call(suspend, null, form({ userId: ids.ana, itemId: "", days: "7", reason: "Repeated scams" })),
    owner: "moderator",
  },
  "app/(console)/console/moderation/actions.ts#liftUserSuspension": {
    call: (lift, ids) => call(lift, null, form({ userId: ids.ana, reason: "Appeal upheld" })),
    owner: "moderator",
  },
  "app/(console)/console/moderation/actions.ts#dismissReports": {
    call: (dismiss, ids) => call(dismiss, null, form({ itemId: ids.moderationItem, reason: "Nothing wrong" })),
    owner: "admin",
  },
};

const ROUTE_CASES: Record<string, AccessCase<RouteHandler>> = {
  "app/api/prefill/route.ts#POST": {
    call: (post, ids, caller) => post(apiRequest("/api/prefill", caller, { method: "POST", body: JSON.stringify({ imageIds: [ids.loosePhoto] }) })),
    owner: "ana",
  },
  "app/api/console/playground/route.ts#POST": {
    // A paid model call on Ana's photo, logged and counted: admins only.
    call: (post, ids, caller) =>
      post(
        apiRequest("/api/console/playground", caller, {
          method: "POST",
          body: JSON.stringify({ imageIds: [ids.loosePhoto], columns: [{ prompt: { kind: "version", ref: "listing-prefill@1" }, modelId: "mock:fixture", temperature: null }] }),
        }),
      ),
    owner: "admin",
  },
  "app/api/health/route.ts#GET": {
    call: (get, _ids, caller) => get(apiRequest("/api/health", caller)),
    openTo: { "signed-out": "load balancers ask it; it says only ok and the database kind", "another seller": "as for anyone" },
  },
  "app/api/places/route.ts#GET": {
    call: (get, _ids, caller) => get(apiRequest("/api/places?q=gal", caller)),
    openTo: { "signed-out": "town names for a place field; the same public list for everyone", "another seller": "as for anyone" },
  },
  "app/api/images/[key]/route.ts#GET": {
    // Listing photos are public and named by random uuids; an unpublished upload is Ana's alone.
    // The sweep tries her unpublished photo and names that reach elsewhere.
    call: async (get, ids, caller) => {
      const statuses = [];
      for (const key of [ids.loosePhotoFile, "../auth-secret", "..%2Fpglite", "a.webp/../../auth-secret", "AUTH-SECRET.webp", `${crypto.randomUUID()}.webp`]) {
        statuses.push((await get(apiRequest(`/api/images/${encodeURIComponent(key)}`, caller), { params: Promise.resolve({ key }) })).status);
      }
      return new Response(null, { status: statuses.every((status) => status === 404) ? 404 : 200 });
    },
  },
  "app/api/auth/[...all]/route.ts#GET": {
    call: (get, ids, caller) => get(apiRequest(`/api/auth/admin/get-user?id=${ids.ana}`, caller)),
    owner: "admin",
  },
  "app/api/auth/[...all]/route.ts#POST": {
    call: (post, ids, caller) => post(apiRequest("/api/auth/admin/set-role", caller, { method: "POST", body: JSON.stringify({ userId: caller.user?.id ?? ids.mallory, role: "admin" }) })),
    owner: "admin",
  },
};

const ANA = { name: "Ana", email: "ana.sweep@example.com", password: "ana-password-1" };
const MALLORY = { name: "Mallory", email: "mallory.sweep@example.com", password: "mallory-password-1" };
const ROOT_ADMIN = { name: "Root", email: "root.sweep@example.com", password: "root-password-1" };
const MODERATOR = { name: "Mod", email: "mod.sweep@example.com", password: "mod-password-1" };

// The actions read the caller from getCurrentUser; better-auth (sign-out, the auth route) reads
// the same caller's session cookie from the request headers.
const current = vi.hoisted(() => ({ caller: null as Caller | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => current.caller?.user ?? null,
}));
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders(current.caller),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn(), unstable_cache: (read: unknown) => read }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: vi.fn() }));
vi.mock("next/navigation", async () => (await import("@/lib/testing/access-sweep")).navigationThatThrows);

function requestHeaders(caller: Caller | null): Headers {
  const headers = new Headers({ "x-forwarded-for": "198.51.100.23", origin: env.APP_URL, "content-type": "application/json" });
  if (caller?.cookie) headers.set("cookie", caller.cookie);
  return headers;
}

function apiRequest(pathname: string, caller: Caller, init: { method?: string; body?: string } = {}): NextRequest {
  return new NextRequest(new URL(pathname, env.APP_URL), { ...init, headers: requestHeaders(caller) });
}

async function signUpWithCookie(account: { name: string; email: string; password: string }) {
  const auth = await getAuth();
  const { headers, response } = await auth.api.signUpEmail({ body: account, headers: new Headers({ "x-forwarded-for": "198.51.100.9" }), returnHeaders: true });
  return { id: response.user.id, cookie: sessionCookie(headers) };
}

/** Runs `work` as the caller signed in a second time (a session that may be ended). */
async function withFreshSession<T>(caller: Caller, work: () => Promise<T>): Promise<T> {
  const account = [ANA, MALLORY, ROOT_ADMIN].find((candidate) => candidate.email === caller.user?.email);
  if (!account) return work();
  const auth = await getAuth();
  const { headers } = await auth.api.signInEmail({ body: account, headers: new Headers({ "x-forwarded-for": "198.51.100.9" }), returnHeaders: true });
  current.caller = { ...caller, cookie: sessionCookie(headers) };
  try {
    return await work();
  } finally {
    current.caller = caller;
  }
}

let ids: Fixtures;
let callers: Record<CallerName, Caller>;
let owners: Record<OwnerName, Caller>;
let actions: Map<string, Action>;
let routes: Map<string, RouteHandler>;

beforeAll(async () => {
  const ana = await signUpWithCookie(ANA);
  const mallory = await signUpWithCookie(MALLORY);
  const root = await signUpWithCookie(ROOT_ADMIN);
  await setUserRoleByEmail(ROOT_ADMIN.email, "admin");
  const moderator = await signUpWithCookie(MODERATOR);
  await setUserRoleByEmail(MODERATOR.email, "moderator");
  const db = await getDb();
  await db.insert(user).values({ id: "bo-sweep", name: "Bo", email: "bo.sweep@example.com" });
  const listingValues = { sellerId: ana.id, category: "Sports" as const, condition: "good" as const };
  const [listing, sold] = await db
    .insert(listings)
    .values([
      { ...listingValues, title: "Road bike", priceCents: 30_000 },
      { ...listingValues, title: "Tennis racket", priceCents: 2_000, status: "sold" },
    ])
    .returning();
  const [listingPhoto] = await db
    .insert(images)
    .values({ ownerId: ana.id, width: 10, height: 10, bytes: 10, sha256: "x", originalType: "image/png", storageKey: crypto.randomUUID(), listingId: listing.id, position: 0 })
    .returning();
  const loose = await storeUploadedImage(await makeJpeg(64, 48), ana.id);
  if (!loose.ok) throw new Error(loose.error);
  const loosePhoto = loose.image;
  const [conversation] = await db.insert(conversations).values({ listingId: listing.id, buyerId: "bo-sweep", sellerId: ana.id }).returning();
  await db.insert(messages).values({ conversationId: conversation.id, senderId: "bo-sweep", body: "Is it still available?" });
  const [moderationItem] = await db.insert(moderationItems).values({ kind: "conversation", conversationId: conversation.id }).returning();
  await db.insert(reports).values({ itemId: moderationItem.id, reporterId: "bo-sweep", reason: "harassment", note: "Rude" });
  const [offer] = await db.insert(offers).values({ conversationId: conversation.id, fromUserId: "bo-sweep", amountCents: 25_000 }).returning();
  await db.insert(savedListings).values({ userId: "bo-sweep", listingId: listing.id, listingTitle: listing.title });
  const [savedSearch] = await db.insert(savedSearches).values({ userId: ana.id, query: "q=bike", q: "bike" }).returning();
  const aiCall = crypto.randomUUID();
  await db.insert(aiCalls).values({ id: aiCall, feature: "listing-prefill", userId: ana.id, provider: "mock", modelId: "mock:fixture", status: "ok", output: DEFAULT_FIXTURE, latencyMs: 300 });
  ids = {
    ana: ana.id,
    mallory: mallory.id,
    listing: listing.id,
    listingPhoto: listingPhoto.id,
    loosePhoto: loosePhoto.id,
    soldListing: sold.id,
    conversation: conversation.id,
    aiCall,
    loosePhotoFile: storageFileName(loosePhoto.storageKey, "full"),
    moderationItem: moderationItem.id,
    savedSearch: savedSearch.id,
    offer: offer.id,
  };

  const profile = (id: string, account: typeof ANA, role: string) => ({ id, role, name: account.name, email: account.email });
  callers = {
    "signed-out": { label: "a signed-out visitor", user: null, cookie: null },
    "another seller": { label: "another seller, not an admin", user: profile(mallory.id, MALLORY, "user"), cookie: mallory.cookie },
  };
  owners = {
    ana: { label: "Ana", user: profile(ana.id, ANA, "user"), cookie: ana.cookie },
    admin: { label: "an admin", user: profile(root.id, ROOT_ADMIN, "admin"), cookie: root.cookie },
    moderator: { label: "a moderator", user: profile(moderator.id, MODERATOR, "moderator"), cookie: moderator.cookie },
  };
  actions = await listServerActions();
  routes = await listRouteHandlers();
});

afterAll(() => {
  current.caller = null;
});

describe("the access sweep covers every way in", () => {
  it("has a case for every server action, and none for actions that are gone", () => {
    const missing = [...actions.keys()].filter((name) => !(name in ACTION_CASES));
    expect(missing, "New server actions need a line in ACTION_CASES (app/access-sweep.test.ts)").toEqual([]);
    expect(Object.keys(ACTION_CASES).filter((name) => !actions.has(name)), "Stale ACTION_CASES entries").toEqual([]);
  });

  it("has a case for every route handler method, and none for routes that are gone", () => {
    const missing = [...routes.keys()].filter((name) => !(name in ROUTE_CASES));
    expect(missing, "New route handlers need a line in ROUTE_CASES (app/access-sweep.test.ts)").toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((name) => !routes.has(name)), "Stale ROUTE_CASES entries").toEqual([]);
  });

  it("finds no server action declared inside a function, where it could not be swept by name", () => {
    expect(findInlineServerActions(), "Move inline \"use server\" functions into an actions.ts module").toEqual([]);
  });

  it("finds the actions it is meant to find", () => {
    // Guards the discovery itself: if it found nothing, every check above would pass vacuously.
    expect(actions.size).toBeGreaterThanOrEqual(13);
    expect(routes.size).toBeGreaterThanOrEqual(5);
  });
});

describe.each(["signed-out", "another seller"] as const)("as %s", (callerName) => {
  const sweep = (kind: "action" | "route", cases: () => Record<string, AccessCase<Action | RouteHandler>>, handlers: () => Map<string, Action | RouteHandler>) =>
    it(`every ${kind} refuses Ana's ids and changes nothing (or, where open, touches nothing of anyone else's)`, async () => {
      const problems: string[] = [];
      for (const [name, handler] of handlers()) {
        const accessCase = cases()[name];
        if (!accessCase) continue; // reported by the coverage check
        const caller = callers[callerName];
        current.caller = caller;
        const before = await snapshotDatabase();
        const result = await outcome(() => accessCase.call(handler as never, ids, caller));
        const changes = diffSnapshots(before, await snapshotDatabase());
        current.caller = null;
        if (result.thrown) {
          problems.push(`${name} threw instead of answering ${caller.label}: ${String(result.thrown)}`);
        } else if (accessCase.openTo?.[callerName]) {
          const othersRows = changes.removedOrChanged.filter((row) => !caller.user || !row.includes(`"${caller.user.id}"`));
          if (othersRows.length > 0) problems.push(`${name} (open to ${caller.label}) changed or removed others' rows: ${othersRows.join(" | ")}`);
        } else {
          if (!isRefusal(result)) problems.push(`${name} did not refuse ${caller.label}: ${JSON.stringify(result.value ?? result.navigation)}`);
          if (changes.added.length + changes.removedOrChanged.length > 0) {
            problems.push(`${name} changed the database for ${caller.label}: ${[...changes.added, ...changes.removedOrChanged].join(" | ")}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  sweep("action", () => ACTION_CASES as Record<string, AccessCase<Action | RouteHandler>>, () => actions);
  sweep("route", () => ROUTE_CASES as Record<string, AccessCase<Action | RouteHandler>>, () => routes);
});

describe("a moderator who is not an admin", () => {
  it("is refused by every AI-console action, which changes nothing", async () => {
    const problems: string[] = [];
    const consoleActions = [...actions].filter(([name]) => name.startsWith("app/(console)/") && !name.includes("/moderation/"));
    expect(consoleActions.length).toBeGreaterThanOrEqual(10);
    for (const [name, handler] of consoleActions) {
      const accessCase = ACTION_CASES[name];
      if (!accessCase) continue; // reported by the coverage check
      current.caller = owners.moderator;
      const before = await snapshotDatabase();
      const result = await outcome(() => accessCase.call(handler, ids, owners.moderator));
      const changes = diffSnapshots(before, await snapshotDatabase());
      current.caller = null;
      if (result.thrown) problems.push(`${name} threw for a moderator: ${String(result.thrown)}`);
      else if (!isRefusal(result)) problems.push(`${name} did not refuse a moderator: ${JSON.stringify(result.value ?? result.navigation)}`);
      if (changes.added.length + changes.removedOrChanged.length > 0) problems.push(`${name} changed the database for a moderator`);
    }
    expect(problems).toEqual([]);
  });
});

describe("better-auth's admin endpoints", () => {
  it("refuse a seller who is not an admin, whatever the endpoint, and a signed-out visitor", async () => {
    const auth = await getAuth();
    const handler = routes.get("app/api/auth/[...all]/route.ts#POST")!;
    const adminEndpoints = Object.values(auth.api)
      .map((endpoint) => endpoint as unknown as { path?: string; options?: { method?: string | string[] } })
      .filter((endpoint) => endpoint.path?.startsWith("/admin/") && endpoint.path !== "/admin/stop-impersonating" && endpoint.path !== "/admin/has-permission");
    expect(adminEndpoints.length).toBeGreaterThan(10);
    // The seller's session is live: the refusals below are about the role, not a dead cookie.
    const session = await routes.get("app/api/auth/[...all]/route.ts#GET")!(apiRequest("/api/auth/get-session", callers["another seller"]));
    expect(((await session.json()) as { user: { email: string } }).user.email).toBe(MALLORY.email);
    const body = { userId: ids.ana, role: "admin", newPassword: "taken-over-1", email: "new@example.com", password: "pw-123456", name: "X", data: { role: "admin" }, sessionToken: "x", banReason: "x" };
    const before = await snapshotDatabase();
    for (const caller of Object.values(callers)) {
      for (const endpoint of adminEndpoints) {
        const methods = [endpoint.options?.method ?? "GET"].flat();
        const method = methods.includes("POST") ? "POST" : "GET";
        const url = `/api/auth${endpoint.path}${method === "GET" ? `?id=${ids.ana}&userId=${ids.ana}` : ""}`;
        const response = await handler(apiRequest(url, caller, method === "POST" ? { method, body: JSON.stringify(body) } : { method }));
        expect([401, 403], `${method} ${endpoint.path} as ${caller.label}`).toContain(response.status);
      }
    }
    expect(diffSnapshots(before, await snapshotDatabase()).removedOrChanged).toEqual([]);
  });

  it("never lets a user make themselves an admin through their own profile or sign-up", async () => {
    const handler = routes.get("app/api/auth/[...all]/route.ts#POST")!;
    const mallory = callers["another seller"];
    await handler(apiRequest("/api/auth/update-user", mallory, { method: "POST", body: JSON.stringify({ role: "admin", name: "Mallory" }) }));
    const signedUp = await handler(
      apiRequest("/api/auth/sign-up/email", callers["signed-out"], { method: "POST", body: JSON.stringify({ name: "Eve", email: "eve.sweep@example.com", password: "eve-password-1", role: "admin" }) }),
    );
    const db = await getDb();
    const roles = await db.select({ email: user.email, role: user.role }).from(user);
    expect(roles.find((row) => row.email === MALLORY.email)?.role).toBe("user");
    expect(signedUp.status === 200 ? roles.find((row) => row.email === "eve.sweep@example.com")?.role : "user").toBe("user");
  });
});

// THE MALFORMED-INPUT PASS. Every action is called by someone allowed to use it (Ana, or an
// admin for the console) with arguments no form would send: missing, null, numbers, objects
// where ids go, huge strings, control characters. Each must answer with a refusal, never throw
// (a thrown error is a 500). Every route is sent malformed requests and must answer 4xx.
const NO_INPUT: Record<string, string> = {
  "app/(market)/(auth)/actions.ts#signOut": "takes no input (and would end the session the pass runs on)",
  "app/(console)/console/review/actions.ts#reviewNextItem": "takes no input: it opens the next item or says there is none",
};

const hugeText = "x".repeat(100_000);
const malformedArguments = (ids: Fixtures): unknown[][] => [
  // Well-formed fields with an id that is not a string: an object, an array, a number.
  [{ id: ids.listing }, { ...listingFields, photoIds: [ids.listingPhoto] }],
  [[ids.listing], { ...listingFields, photoIds: [ids.listingPhoto] }],
  [Number.MAX_SAFE_INTEGER, { ...listingFields, photoIds: [ids.listingPhoto] }],
  [],
  [null],
  [undefined, undefined],
  [12, true],
  [{}, {}],
  ["not-a-uuid", "also not"],
  [{ id: { $ne: null } }, { title: ["a"], price: {}, photoIds: "x", category: 7 }],
  [{ listingId: { toString: null } }],
  [null, new FormData()],
  [null, form({ conversationId: "[object Object]", listingId: hugeText, body: "\u0000\u202e", email: "a@b", password: "", itemId: "1", experimentId: "\n" })],
  [form({ promptId: "\u0000", version: "-1", modelId: hugeText })],
];

function malformedRequests(name: string, ids: Fixtures, caller: Caller): { label: string; request: () => Request; params?: Record<string, string | string[]> }[] {
  const post = (pathname: string, body: BodyInit, contentType: string, extra: Record<string, string> = {}) => () => {
    const request = apiRequest(pathname, caller, { method: "POST" });
    const headers = new Headers(request.headers);
    headers.set("content-type", contentType);
    for (const [key, value] of Object.entries(extra)) headers.set(key, value);
    return new NextRequest(request.url, { method: "POST", headers, body });
  };
  const get = (pathname: string) => () => apiRequest(pathname, caller);
  const bodies = (pathname: string) => [
    { label: "text/plain from a foreign origin", request: post(pathname, JSON.stringify({ imageIds: [ids.loosePhoto] }), "text/plain", { origin: "https://evil.example" }) },
    { label: "broken JSON", request: post(pathname, "{\"imageIds\": [", "application/json") },
    { label: "JSON of the wrong shape", request: post(pathname, JSON.stringify({ imageIds: { $ne: 1 }, email: ["x"], password: 5 }), "application/json") },
    { label: "a body of 5 MB", request: post(pathname, "x".repeat(5 * 1024 * 1024), "application/json") },
    { label: "form data", request: post(pathname, "imageIds=1&email=x", "application/x-www-form-urlencoded") },
  ];
  switch (name) {
    case "app/api/prefill/route.ts#POST":
      return bodies("/api/prefill");
    case "app/api/console/playground/route.ts#POST":
      return bodies("/api/console/playground");
    case "app/api/auth/[...all]/route.ts#POST":
      return [...bodies("/api/auth/sign-in/email"), ...bodies("/api/auth/sign-up/email")];
    case "app/api/auth/[...all]/route.ts#GET":
      return [{ label: "a session query with odd values", request: get("/api/auth/get-session?disableCookieCache=%00&x=%E0%A4%A") }];
    case "app/api/health/route.ts#GET":
      return [{ label: "a query string", request: get("/api/health?verbose=%00") }];
    case "app/api/places/route.ts#GET":
      return [
        { label: "a control character", request: get("/api/places?q=gal%00way") },
        { label: "a query of 5,000 letters", request: get(`/api/places?q=${"g".repeat(5000)}`) },
      ];
    case "app/api/images/[key]/route.ts#GET":
      return ["%00.webp", "\u0000", "x".repeat(5000), ".webp", "-thumb.webp", "a\nb.webp"].map((key) => ({ label: `key ${JSON.stringify(key.slice(0, 20))}`, request: get("/api/images/x"), params: { key } }));
    default:
      return [];
  }
}

describe("the malformed-input pass", () => {
  it("every action refuses arguments no form sends, and none throws", async () => {
    const problems: string[] = [];
    for (const [name, handler] of actions) {
      if (NO_INPUT[name]) continue;
      const caller = name.includes("(console)") ? owners.admin : owners.ana;
      for (const args of malformedArguments(ids)) {
        current.caller = caller;
        const result = await outcome(() => (handler as unknown as (...values: unknown[]) => Promise<unknown>)(...args));
        current.caller = null;
        const shown = JSON.stringify(args, (_key, value) => (typeof value === "string" && value.length > 40 ? `${value.slice(0, 20)}…` : value instanceof FormData ? "FormData" : value));
        if (result.thrown) problems.push(`${name}(${shown}) threw: ${String(result.thrown)}`);
        else if (!isRefusal(result)) problems.push(`${name}(${shown}) did not refuse: ${JSON.stringify(result.value ?? result.navigation)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("every route answers malformed requests with a 4xx, never a 500", async () => {
    const problems: string[] = [];
    const covered = new Set<string>();
    for (const [name, handler] of routes) {
      // Console routes are tried by an admin, so the malformed input, not the role, is what is refused.
      const caller = name.startsWith("app/api/console/") ? owners.admin : owners.ana;
      for (const malformed of malformedRequests(name, ids, caller)) {
        covered.add(name);
        current.caller = caller;
        const result = await outcome(() => handler(malformed.request(), { params: Promise.resolve(malformed.params ?? { all: ["x"] }) }));
        current.caller = null;
        const status = result.value instanceof Response ? result.value.status : null;
        if (result.thrown) problems.push(`${name} with ${malformed.label} threw: ${String(result.thrown)}`);
        else if (status === null || status < 400 || status >= 500) {
          // Health and photos have nothing to refuse in a query string; they may answer 200.
          if (!(status === 200 && (name.includes("/health/") || name.includes("/auth/")) && name.endsWith("#GET"))) problems.push(`${name} with ${malformed.label} answered ${status}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect([...routes.keys()].filter((name) => !covered.has(name)), "Routes with no malformed requests in malformedRequests()").toEqual([]);
  });
});

const LATE_CONTROLS = ["#counterOffer", "#setListingStatus", "#deleteListing"];
const controlOrder = (name: string) => LATE_CONTROLS.findIndex((suffix) => name.endsWith(suffix)) + 1;

describe("positive controls: the same calls succeed for the owner", () => {
  // Run after the sweep (they change Ana's data): a refusal above is about who called.
  it("for every case that names an owner", async () => {
    const failures: string[] = [];
    const ordered = [...Object.entries(ACTION_CASES), ...Object.entries(ROUTE_CASES)]
      // Deleting the listing last keeps it there for the other controls; marking it sold comes
      // after the offer controls (a sold listing takes none), and a counter-offer after Ana has
      // answered Bo's (a counter closes the offer it answers).
      .sort(([a], [b]) => controlOrder(a) - controlOrder(b));
    for (const [name, accessCase] of ordered) {
      if (!accessCase.owner) continue;
      const handler = (actions.get(name) ?? routes.get(name))!;
      current.caller = owners[accessCase.owner];
      const result = await outcome(() => accessCase.call(handler as never, ids, owners[accessCase.owner!]));
      current.caller = null;
      if (result.thrown || isRefusal(result)) failures.push(`${name} as ${accessCase.owner}: ${String(result.thrown ?? JSON.stringify(result.value ?? result.navigation))}`);
    }
    expect(failures).toEqual([]);
    const db = await getDb();
    expect(await db.select().from(listings).where(eq(listings.id, ids.listing))).toEqual([]);
  });
});
