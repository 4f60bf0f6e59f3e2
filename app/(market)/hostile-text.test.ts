import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { getDb } from "@/lib/db/client";
import { searchListings } from "@/lib/db/queries/listings";
import { images, listings, messages, user } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { storeUploadedImage } from "@/lib/images";
import { parseListingSearch } from "@/lib/listings/search-params";
import { makeJpeg } from "@/lib/testing/images";
import { signUp } from "./(auth)/actions";
import { sendMessage, startConversation } from "./messages/actions";
import { createListing } from "./sell/actions";

// Text a seller, buyer or forger can send, through the same server actions the forms call:
// too long is refused with a sentence, a bad price is refused, control characters are dropped,
// and right-to-left scripts, emoji and markup are kept exactly as typed (pages render them as text).

const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.44" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
// The saved-search match and notifications run after the response; here there is no response.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn(), unstable_cache: (read: unknown) => read }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));

const RTL_TITLE = "كرسي خشبي قديم 🪑";
const RTL_DESCRIPTION = "כיסא עץ ישן, מצב טוב 👍\nPick-up in Cork 🇮🇪";
const MARKUP = `<img src=x onerror="alert('xss')"><script>alert("xss")</script>`;

let photoId: string;

async function freshPhoto(): Promise<string> {
  const stored = await storeUploadedImage(await makeJpeg(48, 36), "writer");
  if (!stored.ok) throw new Error(stored.error);
  return stored.image.id;
}

const listing = (overrides: Record<string, unknown> = {}) => ({
  title: "Oak chair",
  description: "",
  category: "Furniture",
  condition: "good",
  price: "40",
  place: "Dublin",
  photoIds: [photoId],
  ...overrides,
});

/** The listing a successful createListing redirected to. */
async function published(result: Promise<unknown>) {
  const redirected = await result.then(
    (value) => {
      throw new Error(`expected a redirect, got ${JSON.stringify(value)}`);
    },
    (error: Error) => error.message,
  );
  const db = await getDb();
  const [row] = await db.select().from(listings).where(eq(listings.id, redirected.replace("redirect:/listings/", "")));
  return row;
}

async function listingCount(): Promise<number> {
  const db = await getDb();
  return (await db.select({ id: listings.id }).from(listings)).length;
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "writer", name: "Writer", email: "writer@example.com" },
    { id: "reader", name: "Reader", email: "reader@example.com" },
  ]);
});

beforeEach(async () => {
  session.user = { id: "writer" };
  photoId = await freshPhoto();
});

describe("very long values are refused with a message, and nothing is stored", () => {
  it.each([
    ["a 121-character title", { title: "a".repeat(121) }, "title", "Keep the title under 120 characters."],
    ["a 100,000-character title", { title: "a".repeat(100_000) }, "title", "Keep the title under 120 characters."],
    ["a 5,001-character description", { description: "d".repeat(5001) }, "description", "Keep the description under 5,000 characters."],
  ])("%s", async (_name, overrides, field, message) => {
    const before = await listingCount();
    expect(await createListing(listing(overrides))).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
    expect(await listingCount()).toBe(before);
  });

  it("a message over 2,000 characters, when starting a conversation or replying", async () => {
    const db = await getDb();
    const [theirs] = await db.insert(listings).values({ sellerId: "reader", title: "Lamp", category: "Home & Garden", condition: "good", priceCents: 900 }).returning();
    const long = "m".repeat(2001);
    const refusal = { ok: false, fieldErrors: { body: ["Keep your message under 2,000 characters."] } };
    expect(await startConversation(null, form({ listingId: theirs.id, body: long }))).toMatchObject(refusal);
    expect(await sendMessage(null, form({ conversationId: crypto.randomUUID(), body: long }))).toMatchObject(refusal);
    expect(await db.select().from(messages)).toEqual([]);
  });

  it("a display name over 50 characters, from the sign-up form or straight to the auth API", async () => {
    session.user = null;
    const result = await signUp(null, form({ name: "n".repeat(51), email: "long.name@example.com", password: "password-123" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: ["Keep your display name under 50 characters."] } });
    const response = await authPost(
      new Request(`${env.APP_URL}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: env.APP_URL },
        body: JSON.stringify({ name: "n".repeat(5000), email: "api.long.name@example.com", password: "password-123" }),
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: "Keep your display name under 50 characters." });
    const db = await getDb();
    expect(await db.select().from(user).where(eq(user.email, "api.long.name@example.com"))).toEqual([]);
  });

  it("a search query over 200 characters is not run as typed (the search box stops at 200)", () => {
    expect(parseListingSearch({ q: "q".repeat(10_000) }).q).toBeUndefined();
  });
});

describe("bad prices are refused", () => {
  it.each(["-5", "-0.01", "NaN", "Infinity", "1e9", "99999999999999999999", "abc", "12.345", "0x10", "1,000", "", "   ", "€", "1000000.01"])(
    "the text %j",
    async (price) => {
      const before = await listingCount();
      const result = await createListing(listing({ price }));
      expect(result).toMatchObject({ ok: false, fieldErrors: { price: [expect.any(String)] } });
      expect(await listingCount()).toBe(before);
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 1e308, 1_000_000.01, 0.001])("the number %s", async (price) => {
    const result = await createListing(listing({ price }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { price: [expect.any(String)] } });
  });

  it.each([null, true, [], {}])("a price of the wrong type: %j", async (price) => {
    expect(await createListing(listing({ price }))).toMatchObject({ ok: false, fieldErrors: { price: [expect.any(String)] } });
  });
});

describe("text is kept as written", () => {
  it("right-to-left scripts and emoji are stored exactly and can be searched", async () => {
    const row = await published(createListing(listing({ title: RTL_TITLE, description: RTL_DESCRIPTION })));
    expect(row).toMatchObject({ title: RTL_TITLE, description: RTL_DESCRIPTION });
    const found = await searchListings(parseListingSearch({ q: "كرسي" }));
    expect(found.items.map((item) => item.title)).toContain(RTL_TITLE);
  });

  it("markup is stored as the characters typed, neither run nor mangled", async () => {
    const row = await published(createListing(listing({ title: MARKUP.slice(0, 120), description: MARKUP })));
    expect(row).toMatchObject({ title: MARKUP.slice(0, 120), description: MARKUP });
    // A query full of search-syntax and SQL characters is just words to look for.
    for (const q of [MARKUP, `'; drop table listings; --`, `a:* | !b & (c`, `"unclosed`]) {
      await expect(searchListings(parseListingSearch({ q }))).resolves.toMatchObject({ page: 1 });
    }
  });

  it("control characters, NUL included, are dropped rather than failing the request", async () => {
    const row = await published(createListing(listing({ title: "Arm\u0000chair\u0007", description: "Line one\nLine\u0000 two\ttabbed" })));
    expect(row).toMatchObject({ title: "Armchair", description: "Line one\nLine two\ttabbed" });
    await expect(searchListings(parseListingSearch({ q: "arm\u0000chair" }))).resolves.toMatchObject({ total: expect.any(Number) });

    const db = await getDb();
    const [theirs] = await db.insert(listings).values({ sellerId: "reader", title: "Desk", category: "Furniture", condition: "good", priceCents: 5000 }).returning();
    await expect(startConversation(null, form({ listingId: theirs.id, body: "Hello\u0000 👋 مرحبا" }))).rejects.toThrow(/^redirect:\/messages\//);
    const [message] = await db.select().from(messages);
    expect(message.body).toBe("Hello 👋 مرحبا");

    session.user = null;
    await expect(signUp(null, form({ name: "Nour\u0000 نور 🌙", email: "nour@example.com", password: "password-123" }))).rejects.toThrow(/^redirect:/);
    const [nour] = await db.select().from(user).where(eq(user.email, "nour@example.com"));
    expect(nour.name).toBe("Nour نور 🌙");
  });

  it("a photo id that is not a uuid is refused before any query", async () => {
    const result = await createListing(listing({ photoIds: ["1; drop table images"] }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { photoIds: [expect.any(String)] } });
    const db = await getDb();
    expect((await db.select().from(images)).length).toBeGreaterThan(0);
  });
});
