import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { createClient } from "redis";
import { missingFleetPrerequisite, startFleet, type Fleet } from "../../lib/fleet/fleet";
import { newAccount, signUp } from "../support/accounts";
import { drawPhoto } from "../support/images";
import { addPhotos, choosePlace, fillListingForm, publishListing, waitForSuggestion } from "../support/listings";

// Trova on two nodes behind nginx, on shared PostgreSQL, Redis and S3 storage (s3rver). A client
// is pinned to a node with the cookie trova_pin_node=<n> (deploy/nginx.conf, tests only); every
// response says which node answered in x-trova-node.

const port = Number(process.env.E2E_FLEET_PORT ?? 8090);
const NODE_A = "node-1";
const NODE_B = "node-2";
const dataDir = path.join(os.tmpdir(), `trova-e2e-fleet-${port}`);
let fleet: Fleet;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  const databaseUrl = process.env.E2E_FLEET_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/trova_e2e_fleet_${port}`;
  const redisUrl = process.env.E2E_FLEET_REDIS_URL ?? "redis://127.0.0.1:6379";
  const missing = await missingFleetPrerequisite({ databaseUrl, redisUrl });
  if (missing) console.log(`[fleet journey] skipped: ${missing}`);
  test.skip(Boolean(missing), `Fleet journey skipped: ${missing}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fleet = await startFleet({
    nodes: 2,
    port,
    dataDir,
    databaseUrl,
    freshDatabase: true,
    redisUrl,
    s3Port: port + 9,
    nodeEnv: { AI_MODEL: "mock:fixture", AI_MOCK_MODELS: "true", AI_TIMEOUT_MS: "3000", SEED_DEMO: "true" },
  });
});

test.afterAll(async () => {
  await fleet?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function pinnedContext(context: BrowserContext, node: 1 | 2) {
  await context.addCookies([{ name: "trova_pin_node", value: String(node), url: fleet.url }]);
}

async function pinnedPage(browser: import("@playwright/test").Browser, node: 1 | 2): Promise<Page> {
  const context = await browser.newContext();
  await pinnedContext(context, node);
  return context.newPage();
}

async function servedBy(page: Page, url: string): Promise<string | undefined> {
  const response = await page.goto(url);
  expect(response?.ok()).toBe(true);
  return response?.headers()["x-trova-node"];
}

test("every response names its node, and pinning reaches each node", async ({ request }) => {
  for (const [pin, node] of [[1, NODE_A], [2, NODE_B]] as const) {
    for (const url of ["/", "/api/health", "/robots.txt"]) {
      const response = await request.get(url, { headers: { cookie: `trova_pin_node=${pin}` } });
      expect(response.headers()["x-trova-node"], url).toBe(node);
    }
  }
  // Unpinned, nginx spreads requests over both nodes.
  const nodes = new Set<string>();
  for (let i = 0; i < 6; i++) nodes.add((await request.get("/api/health")).headers()["x-trova-node"]);
  expect([...nodes].sort()).toEqual([NODE_A, NODE_B]);
});

test("a sign-in burst split over two nodes is refused at the same count as on one", async ({ request }) => {
  const email = `burst.${Date.now()}@example.com`;
  const statuses: number[] = [];
  const nodes: string[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    const response = await request.post("/api/auth/sign-in/email", {
      headers: { cookie: `trova_pin_node=${(attempt % 2) + 1}`, origin: fleet.url },
      data: { email, password: "not the password" },
    });
    statuses.push(response.status());
    nodes.push(response.headers()["x-trova-node"]);
  }
  expect(new Set(nodes)).toEqual(new Set([NODE_A, NODE_B]));
  // RATE_LIMITS.signIn: 10 attempts per account, counted in the shared database.
  expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
  expect(statuses.slice(10)).toEqual([429, 429]);
});

test("sell on node A, buy on node B, lose node A mid-draft and lose nothing", async ({ browser }) => {
  // The seller signs up and sells with a photo through node A.
  const sellerPage = await pinnedPage(browser, 1);
  const seller = newAccount("Aoibheann");
  await signUp(sellerPage, seller);
  const title = `Oak side table ${Date.now()}`;
  const listingId = await publishListing(sellerPage, { title, description: "Solid oak, one drawer.", category: "Furniture", condition: "Good", price: "65" });
  expect(await servedBy(sellerPage, `/listings/${listingId}`)).toBe(NODE_A);

  // The seller's session is valid on every node.
  for (const node of [1, 2] as const) {
    await sellerPage.context().addCookies([{ name: "trova_pin_node", value: String(node), url: fleet.url }]);
    expect(await servedBy(sellerPage, "/my-listings")).toBe(node === 1 ? NODE_A : NODE_B);
    await expect(sellerPage.getByTestId("signed-in-as")).toHaveText(seller.name);
  }
  await pinnedContext(sellerPage.context(), 1);

  // A buyer on node B sees the listing and its photo (from the shared bucket), opens it, messages.
  const buyerPage = await pinnedPage(browser, 2);
  const buyer = newAccount("Cathal");
  await signUp(buyerPage, buyer);
  expect(await servedBy(buyerPage, "/")).toBe(NODE_B);
  const card = buyerPage.getByTestId("listing-card").filter({ hasText: title });
  await expect(card).toBeVisible();
  const photo = card.locator("img").first();
  await expect(photo).toHaveJSProperty("complete", true);
  expect(await photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  const photoResponse = await buyerPage.request.get((await photo.getAttribute("src"))!);
  expect(photoResponse.headers()["content-type"]).toBe("image/webp");
  expect(photoResponse.headers()["x-trova-node"]).toBe(NODE_B);

  await card.getByRole("link").first().click();
  await expect(buyerPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await buyerPage.getByRole("link", { name: "Contact seller" }).click();
  await buyerPage.getByLabel("Your message").fill("Hello, is the table still for sale?");
  await buyerPage.getByRole("button", { name: "Send" }).click();
  await expect(buyerPage).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  await expect(buyerPage.getByTestId("message")).toHaveText([/still for sale/]);

  // The seller, on node A, has the unread message written through node B.
  await sellerPage.goto("/");
  await expect(sellerPage.getByTestId("unread-total")).toHaveText("1");

  // An edit through node A is what node B shows at once.
  await sellerPage.goto(`/listings/${listingId}/edit`);
  await fillListingForm(sellerPage, { title: `${title} (restored)`, price: "70" });
  await sellerPage.getByRole("button", { name: "Save changes" }).click();
  await sellerPage.waitForURL(`**/listings/${listingId}`);
  expect(await servedBy(buyerPage, `/listings/${listingId}`)).toBe(NODE_B);
  await expect(buyerPage.getByRole("heading", { level: 1, name: `${title} (restored)` })).toBeVisible();
  // The edit's invalidations (revalidatePath, and updateTag for the shared catalogue reads that
  // node B had cached) went to Redis, where every node's cache checks them.
  const redis = await createClient({ url: fleet.redisUrl }).connect();
  try {
    expect(await redis.hExists(`trova-fleet-${port}:cache:tags`, `_N_T_/listings/${listingId}`)).toBeTruthy();
    expect(await redis.hExists(`trova-fleet-${port}:cache:tags`, `listing:${listingId}`)).toBeTruthy();
  } finally {
    await redis.quit();
  }
  await expect(buyerPage.getByText("€70").first()).toBeVisible();

  // The seller starts a second listing on node A; node A dies mid-draft.
  expect(await servedBy(sellerPage, "/sell")).toBe(NODE_A);
  await addPhotos(sellerPage, 1);
  await waitForSuggestion(sellerPage);
  await fillListingForm(sellerPage, { title: "Brass floor lamp", price: "40" });
  await fleet.nodes[0].kill();
  expect(fleet.nodes[0].alive()).toBe(false);

  // The next request is served by node B: still signed in, the draft and its photo are there.
  const reload = await sellerPage.reload();
  expect(reload?.headers()["x-trova-node"]).toBe(NODE_B);
  await expect(sellerPage.getByTestId("signed-in-as")).toHaveText(seller.name);
  await expect(sellerPage.getByLabel("Title")).toHaveValue("Brass floor lamp");
  await expect(sellerPage.getByLabel("Price (EUR)")).toHaveValue("40");
  const draftPhoto = sellerPage.getByTestId("photo-thumb").locator("img");
  await expect(draftPhoto).toHaveCount(1);
  await expect(draftPhoto).toHaveJSProperty("complete", true);
  expect(await draftPhoto.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);

  await fillListingForm(sellerPage, { description: "Works, new bulb.", category: "Home & Garden", condition: "Good" });
  await choosePlace(sellerPage);
  await sellerPage.getByRole("button", { name: "Publish listing" }).click();
  await sellerPage.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
  await expect(sellerPage.getByRole("heading", { level: 1, name: "Brass floor lamp" })).toBeVisible();
  // The photo uploaded through node A before it died is the listing's photo, read from the bucket.
  const published = sellerPage.getByTestId("gallery-main");
  await expect(published).toHaveJSProperty("complete", true);
  expect(await published.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
});

test("photo storage down while uploading: the seller is told, the form is kept", async ({ browser }) => {
  test.skip(!fleet.localStorage, "needs the fleet's own s3rver");
  const page = await pinnedPage(browser, 2);
  await signUp(page, newAccount("Eimear"));
  await page.goto("/sell");
  await fillListingForm(page, { title: "Cast iron pan", price: "25" });
  await fleet.localStorage!.stop();
  try {
    await page.getByTestId("photo-input").setInputFiles(await drawPhoto("pan.jpg", { r: 40, g: 40, b: 40 }));
    await expect(page.getByTestId("photo-errors")).toContainText("Photos can't be saved right now");
    await expect(page.getByTestId("photo-thumb")).toHaveCount(0);
    await expect(page.getByLabel("Title")).toHaveValue("Cast iron pan");
    await expect(page.getByLabel("Price (EUR)")).toHaveValue("25");
  } finally {
    await fleet.localStorage!.start();
  }
  // Storage back: the same photo goes in.
  await page.getByTestId("photo-input").setInputFiles(await drawPhoto("pan.jpg", { r: 40, g: 40, b: 40 }));
  await expect(page.getByTestId("photo-thumb")).toHaveCount(1);
  await expect(page.getByLabel("Title")).toHaveValue("Cast iron pan");
});
