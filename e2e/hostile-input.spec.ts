import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn, signUp, type TestAccount } from "./support/accounts";
import { E2E_ADMIN } from "./support/admin";
import { drawPhoto } from "./support/images";
import { choosePlace, fillListingForm, type ListingInput, waitForSuggestion } from "./support/listings";
import { startOwnServer } from "./support/own-server";
import { residentMemory, resetPeakMemory } from "./support/server-memory";

// Markup where text belongs, and bodies far too large: what a hostile visitor sends.

// Each payload sets window.__xss if it ever runs; all of them must show as the characters typed.
const NAME = "<img src=x onerror=window.__xss=1>";
const TITLE = '"><script>window.__xss=1</script><b>Bold chair</b>';
const DESCRIPTION = '<img src=x onerror="window.__xss=1"> & <a href="javascript:window.__xss=1">click</a>\nمرحبا 👋 שלום';
const MESSAGE = "</textarea><script>window.__xss=1</script> Is it free?";
const SEARCH = "<svg onload=window.__xss=1>";

let unique = 0;
function account(name: string): TestAccount {
  unique += 1;
  return { name, email: `hostile.${Date.now().toString(36)}${process.pid}${unique}@example.com`, password: "e2e-password-1" };
}

/** Publishes through /sell with exactly these words: the suggested details are cleared, so none are added to the description. */
async function publishExactly(page: Page, listing: ListingInput): Promise<string> {
  await page.goto("/sell");
  await page.getByTestId("photo-input").setInputFiles(await drawPhoto("item.jpg", { r: 120, g: 60, b: 160 }));
  await expect(page.getByTestId("photo-thumb")).toHaveCount(1);
  await waitForSuggestion(page);
  await fillListingForm(page, listing);
  for (const detail of ["Brand", "Colour", "Material", "Size"]) {
    const field = page.getByLabel(detail, { exact: true });
    if (!(await field.count())) continue;
    // A folded Details box hides only empty fields.
    if (await field.isVisible()) await field.fill("");
    else await expect(field).toHaveValue("");
  }
  await choosePlace(page);
  await page.getByRole("button", { name: "Publish listing" }).click();
  await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

/** A page that counts dialogs and remembers whether any payload ran. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; ranNothing: () => Promise<void> }> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => Object.assign(window, { __xss: 0 }));
  return {
    page,
    ranNothing: async () => {
      expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
      expect(dialogs).toEqual([]);
      expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    },
  };
}

test("markup in names, titles, descriptions, messages and searches shows as text: on pages, in OpenGraph tags and in the console", async ({ browser, request }) => {
  const seller = account(NAME);
  const sellerContext = await browser.newContext();
  const { page: sellerPage, ranNothing: sellerRanNothing } = await watchedPage(sellerContext);
  await signUp(sellerPage, seller);
  await expect(sellerPage.getByTestId("signed-in-as")).toHaveText(NAME);
  const listingId = await publishExactly(sellerPage, { title: TITLE, description: DESCRIPTION, category: "Furniture", condition: "Good", price: "45" });

  // The listing page, as anyone sees it.
  const visitorContext = await browser.newContext();
  const { page, ranNothing } = await watchedPage(visitorContext);
  await page.goto(`/listings/${listingId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByTestId("listing-description")).toHaveText(DESCRIPTION);
  await expect(page.getByTestId("seller-name")).toHaveText(NAME);
  await expect(page).toHaveTitle(`${TITLE} · Trova`);
  const meta = (selector: string) => page.locator(selector).getAttribute("content");
  expect(await meta('meta[property="og:title"]')).toBe(TITLE);
  expect(await meta('meta[name="twitter:title"]')).toBe(TITLE);
  expect(await meta('meta[property="og:description"]')).toBe(DESCRIPTION.replace(/\s+/g, " "));
  // Not even the HTML as sent holds the markup unescaped (scripts' data included).
  const html = await (await request.get(`/listings/${listingId}`)).text();
  for (const payload of [TITLE, NAME, "<img src=x onerror=", "<script>window.__xss"]) expect(html).not.toContain(payload);
  await ranNothing();

  // Search results and the card.
  await page.goto(`/?q=${encodeURIComponent(SEARCH)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Results for “${SEARCH}”`);
  await expect(page).toHaveTitle(`“${SEARCH}”: search results · Trova`);
  expect(await (await request.get(`/?q=${encodeURIComponent(SEARCH)}`)).text()).not.toContain(SEARCH);
  await page.goto(`/?q=${encodeURIComponent("Bold chair")}`);
  await expect(page.getByRole("list", { name: "Listings" })).toContainText(TITLE);
  await ranNothing();

  // A message with markup, from a buyer whose name is markup too.
  const buyer = account(`${NAME.slice(0, 30)} buyer`);
  await signUp(page, buyer);
  await page.goto(`/messages/new?listing=${listingId}`);
  await page.getByLabel("Your message").fill(MESSAGE);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("message")).toContainText(MESSAGE);
  await sellerPage.goto("/messages");
  await expect(sellerPage.getByTestId("conversation-row").first()).toContainText(buyer.name);
  await sellerPage.getByTestId("conversation-row").first().getByRole("link").first().click();
  await expect(sellerPage.getByTestId("message")).toContainText(MESSAGE);
  await ranNothing();

  // The console shows its admin's name: an admin promotes the seller, whose name is markup.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await adminPage.goto("/sign-in?next=/console");
  await signIn(adminPage, E2E_ADMIN);
  await adminPage.waitForURL((url) => url.pathname === "/console");
  const sellerId = await sellerPage.evaluate(async () => (await (await fetch("/api/auth/get-session")).json()).user.id as string);
  const promoted = await adminPage.evaluate(async (userId) => {
    const response = await fetch("/api/auth/admin/set-role", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId, role: "admin" }) });
    return `${response.status} ${await response.text()}`;
  }, sellerId);
  expect(promoted).toMatch(/^200 /);
  await sellerPage.goto("/console");
  await expect(sellerPage.getByText(NAME, { exact: false }).first()).toBeVisible();
  await sellerRanNothing();
  await Promise.all([sellerContext.close(), visitorContext.close(), adminContext.close()]);
});

/** Streams `megabytes` of body to the server and resolves with its answer (or how the connection ended). */
function postHuge(url: string, headers: Record<string, string>, megabytes: number, prefix = "", suffix = ""): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const size = Buffer.byteLength(prefix) + megabytes * chunk.length + Buffer.byteLength(suffix);
    const outgoing = http.request(url, { method: "POST", headers: { ...headers, "content-length": String(size) } });
    let answered = false;
    outgoing.on("response", (response) => {
      answered = true;
      let body = "";
      response.on("data", (data) => (body += data));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    // A server that stops reading and closes is also a refusal.
    outgoing.on("error", (error) => !answered && resolve({ status: 0, body: String(error) }));
    let sent = 0;
    const write = () => {
      if (sent === 0) outgoing.write(prefix);
      while (sent < megabytes && !answered && !outgoing.destroyed) {
        sent += 1;
        if (!outgoing.write(chunk)) return void outgoing.once("drain", write);
      }
      if (!outgoing.destroyed) outgoing.end(suffix);
    };
    write();
  });
}

test("a 100 MB upload is refused at every door, and the server's memory stays flat", async ({ browser }) => {
  // This journey starts a server of its own (its memory must be its alone to measure).
  test.setTimeout(120_000);
  const server = await startOwnServer({});
  try {
    if (!resetPeakMemory(server.pid)) test.skip(true, "This system does not let the test read the server's peak memory (/proc/<pid>/clear_refs).");
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signUp(page, account("Big Uploader"));
    const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");

    // The sell page itself refuses it before sending a byte. (A sparse file: 100 MB long, no disk used.)
    const huge = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trova-huge-")), "huge.jpg");
    fs.writeFileSync(huge, "");
    fs.truncateSync(huge, 100 * 1024 * 1024);
    await page.goto("/sell");
    await page.getByTestId("photo-input").setInputFiles(huge);
    fs.rmSync(path.dirname(huge), { recursive: true, force: true });
    await expect(page.getByTestId("photo-errors")).toContainText("larger than 15 MB");
    await expect(page.getByTestId("photo-thumb")).toHaveCount(0);

    // Learn the upload action's id from a real upload, then send it 100 MB by hand.
    const action = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
    await page.getByTestId("photo-input").setInputFiles(await drawPhoto("small.jpg", { r: 90, g: 140, b: 200 }));
    const actionHeaders = (await action).headers();
    await expect(page.getByTestId("photo-thumb")).toHaveCount(1);

    const boundary = "----trova-hostile-boundary";
    const doors: { name: string; url: string; headers: Record<string, string>; prefix: string; suffix: string }[] = [
      {
        name: "the upload server action",
        url: `${server.url}/sell`,
        headers: { "next-action": actionHeaders["next-action"], accept: "text/x-component", origin: server.url, cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
        prefix: `--${boundary}\r\nContent-Disposition: form-data; name="1_photo"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        suffix: `\r\n--${boundary}--\r\n`,
      },
      { name: "the pre-fill route", url: `${server.url}/api/prefill`, headers: { "content-type": "application/json", cookie }, prefix: '{"imageIds":["', suffix: '"]}' },
      { name: "the sign-in API", url: `${server.url}/api/auth/sign-in/email`, headers: { "content-type": "application/json", origin: server.url }, prefix: '{"email":"a@example.com","password":"', suffix: '"}' },
    ];
    for (const door of doors) {
      const before = residentMemory(server.pid).current;
      resetPeakMemory(server.pid);
      const answer = await postHuge(door.url, door.headers, 100, door.prefix, door.suffix);
      const growth = residentMemory(server.pid).peak - before;
      expect(answer.status === 0 || answer.status >= 400, `${door.name} answered ${answer.status}`).toBe(true);
      expect(answer.body).not.toMatch(/\n\s+at /);
      // Next.js's action limit lets 16 MB in before it stops; reading all of it would cost 100 MB and more.
      expect(growth, `${door.name} grew the server by ${Math.round(growth / 1024 / 1024)} MB`).toBeLessThan(64 * 1024 * 1024);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    }

    // Nothing of it was stored: the seller still has the one small photo.
    await page.reload();
    await expect(page.getByTestId("photo-thumb")).toHaveCount(1);
    await context.close();
  } finally {
    await server.stop();
  }
});

test("right-to-left text and emoji are kept exactly, from the form to the page", async ({ page }) => {
  await signUp(page, account("Layla ليلى"));
  const title = "مصباح نحاسي قديم 🛋️ lamp";
  const description = "מנורה ישנה, עובדת 💡";
  await publishExactly(page, { title, description, category: "Home & Garden", condition: "Good", price: "30" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("listing-description")).toHaveText(description);
  // Each block takes its direction from its own first letters.
  const direction = (locator: ReturnType<Page["getByTestId"]>) => locator.evaluate((element) => getComputedStyle(element).direction);
  expect(await direction(page.getByRole("heading", { level: 1 }))).toBe("rtl");
  expect(await direction(page.getByTestId("listing-description"))).toBe("rtl");
  await expect(page.getByTestId("seller-name")).toHaveText("Layla ليلى");
});
