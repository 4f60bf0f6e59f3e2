import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { signInAsAdmin } from "./support/admin";
import { drawPhoto } from "./support/images";
import { choosePlace, fillListingForm, waitForSuggestion } from "./support/listings";

// Every response carries the security headers, and the pages work under their
// Content-Security-Policy (so does every other journey in this suite: with their scripts
// blocked, no form would submit).

function expectCommonHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
}

/** A page's policy: scripts only with this response's nonce, and no framing. Returns the nonce. */
async function expectPagePolicy(response: APIResponse, what: string): Promise<void> {
  const policy = response.headers()["content-security-policy"] ?? "";
  expect(policy, what).toContain("frame-ancestors 'none'");
  expect(policy, what).toContain("object-src 'none'");
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy)?.[1];
  expect(nonce, `${what}: script-src with a nonce`).toBeTruthy();
  // Every script in the page carries that nonce; none runs without it.
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
  expect(scripts.length, what).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, what).toContain(`nonce="${nonce}"`);
}

test("every response carries the security headers: pages, redirects, errors, API answers, images and build assets", async ({ request, page }) => {
  const home = await request.get("/");
  await expectPagePolicy(home, "home");
  const listingHref = /href="(\/listings\/[0-9a-f-]{36})"/.exec(await home.text())?.[1];
  const imageSrc = /src="(\/api\/images\/[0-9a-f-]+(?:-thumb)?\.webp)"/.exec(await home.text())?.[1];
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await home.text())?.[1];
  expect(listingHref && imageSrc && asset).toBeTruthy();

  const pages: [string, string, number][] = [
    ["home", "/", 200],
    ["search", "/?q=lamp&category=Furniture&min=5", 200],
    ["a listing", listingHref!, 200],
    ["sign in", "/sign-in", 200],
    ["an unknown page", "/no-such-page", 404],
    ["an unknown listing", "/listings/00000000-0000-4000-8000-000000000000", 404],
  ];
  for (const [what, path, status] of pages) {
    const response = await request.get(path);
    expect(response.status(), what).toBe(status);
    expectCommonHeaders(response, what);
    await expectPagePolicy(response, what);
  }

  // A private page redirects a signed-out visitor; the redirect carries the headers too.
  const redirect = await request.get("/sell", { maxRedirects: 0 });
  expect(redirect.status()).toBeGreaterThanOrEqual(300);
  expect(redirect.status()).toBeLessThan(400);
  expectCommonHeaders(redirect, "a redirect");

  const apiAnswers: [string, Promise<APIResponse>][] = [
    ["health", request.get("/api/health")],
    ["a photo", request.get(imageSrc!)],
    ["a missing photo", request.get("/api/images/00000000-0000-4000-8000-000000000000.webp")],
    ["the session", request.get("/api/auth/get-session")],
    ["a refused pre-fill", request.post("/api/prefill", { data: { imageIds: [] } })],
  ];
  for (const [what, pending] of apiAnswers) {
    const response = await pending;
    expectCommonHeaders(response, what);
    expect(response.headers()["content-security-policy"], what).toContain("default-src 'none'");
    expect(response.headers()["content-security-policy"], what).toContain("frame-ancestors 'none'");
  }
  // Photos are served as what they are (every upload is stored as WebP).
  const photo = await request.get(imageSrc!);
  expect(photo.headers()["content-type"]).toBe("image/webp");
  const bytes = await photo.body();
  expect([bytes.toString("latin1", 0, 4), bytes.toString("latin1", 8, 12)]).toEqual(["RIFF", "WEBP"]);

  for (const [what, path] of [["a script bundle", asset!], ["robots.txt", "/robots.txt"], ["the sitemap", "/sitemap.xml"]]) {
    expectCommonHeaders(await request.get(path), what);
  }

  // No site may frame a page: the browser refuses to show one inside another page's frame.
  const refused = page.waitForEvent("console", (message) => /Framing .* violates .*frame-ancestors 'none'/.test(message.text()));
  await page.setContent(`<iframe src="${test.info().project.use.baseURL}/"></iframe>`);
  await refused;
  await expect.poll(() => page.frames().at(-1)?.url()).toMatch(/^chrome-error:/);
});

/** Collects what the browser reports about blocked content while a journey runs. */
function watchPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|evaluate)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  return violations;
}

test("pages run under their policy: browsing, signing up, a streamed suggestion and publishing report no violation", async ({ page }) => {
  const violations = watchPolicyViolations(page);
  await page.goto("/");
  await page.getByRole("searchbox").fill("lamp");
  await page.getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(/q=lamp/);
  await page.goto("/");
  await page.getByRole("list", { name: "Listings" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/listings\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await signUp(page, newAccount("Policy"));
  await page.goto("/sell");
  await page.getByTestId("photo-input").setInputFiles(await drawPhoto("chair.jpg", { r: 150, g: 90, b: 40 }));
  await expect(page.getByTestId("photo-thumb")).toHaveCount(1);
  await waitForSuggestion(page);
  await expect(page.getByLabel("Title")).not.toHaveValue("");
  await fillListingForm(page, { title: "Rush-seat chair", price: "22" });
  await choosePlace(page);
  await page.getByRole("button", { name: "Publish listing" }).click();
  await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
  await page.goto("/my-listings");
  await expect(page.getByTestId("my-listing-row").first()).toBeVisible();
  expect(violations).toEqual([]);
});

/** The browser's own securitypolicyviolation events, kept per document in window.__violations. */
async function recordViolationEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber}:${event.columnNumber})`));
  });
}

/**
 * Opens `path` and checks the document as served: every <script> carries the nonce of this
 * response's own policy, and nothing was blocked. Returns the nonce.
 */
async function visitUnderPolicy(page: Page, path: string, violations: string[]): Promise<string> {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  expect(response!.status(), path).toBe(200);
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce, `${path}: script-src with a nonce`).toBeTruthy();
  const scripts = [...(await response!.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
  expect(scripts.length, path).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  // The page's scripts have run (Next.js's router is up) and reported anything blocked by now.
  await page.waitForFunction(() => document.readyState === "complete" && "next" in window);
  const reported = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
  violations.push(...reported.map((violation) => `${path}: ${violation}`));
  return nonce!;
}

test("cached pages keep the policy: each page twice, with a fresh nonce on every script and no violation", async ({ page, browser }) => {
  await recordViolationEvents(page);
  const violations = watchPolicyViolations(page);
  const twice = async (path: string) => {
    // The second view is served from the shared cache; it still gets a nonce of its own.
    const first = await visitUnderPolicy(page, path, violations);
    const second = await visitUnderPolicy(page, path, violations);
    expect(second, `${path}: a fresh nonce per response`).not.toBe(first);
  };

  await page.goto("/");
  const listing = await page.getByRole("list", { name: "Listings" }).getByRole("link").first().getAttribute("href");
  expect(listing).toMatch(/^\/listings\/[0-9a-f-]{36}$/);
  for (const path of ["/", "/?q=lamp", "/?category=Furniture&sort=price_asc", listing!]) await twice(path);

  await signUp(page, newAccount("Cached"));
  for (const path of ["/", "/?q=lamp", listing!, "/sell", "/messages"]) await twice(path);
  expect(violations).toEqual([]);

  // The console, as its admin.
  const admin = await browser.newPage();
  await recordViolationEvents(admin);
  const adminViolations = watchPolicyViolations(admin);
  await signInAsAdmin(admin, "/console/monitoring", "Monitoring");
  for (const path of ["/console/monitoring", "/console/moderation"]) {
    const first = await visitUnderPolicy(admin, path, adminViolations);
    expect(await visitUnderPolicy(admin, path, adminViolations)).not.toBe(first);
  }
  expect(adminViolations).toEqual([]);
  await admin.close();
});
