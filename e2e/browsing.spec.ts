import { expect, test } from "@playwright/test";

// These journeys read the demo listings that a fresh database is seeded with (lib/seed).

test("browse by category, filter by price, and go back", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("listing-card").first()).toBeVisible();

  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Furniture" }).click();
  await expect(page).toHaveURL(/category=Furniture/);
  const cards = page.getByTestId("listing-card");
  await expect(cards.filter({ hasText: "Solid oak dining table" })).toBeVisible();
  for (const card of await cards.all()) await expect(card).toContainText("Furniture");
  // Reserved listings stay in the results, marked.
  await expect(cards.filter({ hasText: "Grey three-seater sofa" }).getByTestId("status-reserved")).toBeVisible();

  await page.getByLabel("Max price (€)").fill("300");
  await page.getByLabel("Sort by").selectOption("price_asc");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/max=300/);
  await expect(page).toHaveURL(/sort=price_asc/);
  await expect(page).toHaveURL(/category=Furniture/);
  await expect(cards.filter({ hasText: "Grey three-seater sofa" })).toHaveCount(0);
  const prices = await page.getByTestId("card-price").allTextContents();
  const values = prices.map((price) => Number(price.replace(/[^\d.]/g, "")));
  expect(values.length).toBeGreaterThan(0);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(Math.max(...values)).toBeLessThanOrEqual(300);

  await page.goBack();
  await expect(page).toHaveURL(/\/\?category=Furniture$/);
  await expect(cards.filter({ hasText: "Grey three-seater sofa" })).toBeVisible();
});

test("search tolerates a typo and the URL can be shared", async ({ page, browser }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search listings" }).fill("hedphones");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=hedphones/);
  await expect(page.getByTestId("listing-card").first()).toContainText("Sony WH-1000XM4 wireless headphones");

  // The same URL in a new browser shows the same results.
  const other = await (await browser.newContext()).newPage();
  await other.goto(page.url());
  await expect(other.getByTestId("listing-card").first()).toContainText("Sony WH-1000XM4 wireless headphones");
  await expect(other.getByRole("searchbox", { name: "Search listings" })).toHaveValue("hedphones");
});

test("pagination moves through the catalogue", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("page-status")).toHaveText(/Page 1 of \d+/);
  await expect(page.getByTestId("listing-card")).toHaveCount(24);
  const firstOnPageOne = await page.getByTestId("listing-card").first().textContent();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("page-status")).toHaveText(/Page 2 of \d+/);
  // Other tests may publish meanwhile and shift a card or two, never a whole page.
  await expect(page.getByTestId("listing-card").first()).not.toHaveText(firstOnPageOne!);
  await page.getByRole("link", { name: "Previous" }).click();
  await expect(page).not.toHaveURL(/page=/);
});

test("a listing page shows the listing; an unknown id is a 404", async ({ page }) => {
  await page.goto("/?q=kids+bike");
  await page.getByTestId("listing-card").filter({ hasText: "Kids bike 16 inch" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Kids bike 16 inch" })).toBeVisible();
  await expect(page.getByTestId("listing-price")).toHaveText("€45");
  await expect(page.getByText("Toys & Kids").first()).toBeVisible();
  await expect(page.getByTestId("seller-name")).not.toBeEmpty();
  await expect(page.getByRole("link", { name: "Contact seller" })).toBeVisible();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /Kids bike 16 inch/);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /^http:\/\/localhost:\d+\/api\/images\/.+\.webp$/);

  const missing = await page.goto("/listings/00000000-0000-4000-8000-000000000000");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This listing doesn’t exist" })).toBeVisible();
  expect((await page.goto("/listings/not-an-id"))?.status()).toBe(404);
});

test("sitemap and robots describe the site", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("<urlset");
  expect(sitemap).toMatch(/\/listings\/[0-9a-f-]{36}<\/loc>/);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap.xml/);
  expect(robots).toContain("Disallow: /api/");
});

test("pages fit a 375 px wide phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ["/", "/?q=sofa", "/sign-up"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.goto("/");
  await page.getByTestId("listing-card").first().getByRole("link").first().click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
