import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { addPhotos, fillListingForm, waitForSuggestion } from "./support/listings";

// Demo listings (lib/seed/demo-listings.ts) sit in real towns: Marco's in Galway, Lena's in
// Limerick, Aoife's in Rathmines (Dublin), Ciarán's in Cork, Niamh's in Sligo.

const cards = (page: Page) => page.getByTestId("listing-card");

/** Every card's distance in km, in page order ("Under 1 km away" counts as 0). */
async function cardDistances(page: Page): Promise<number[]> {
  const texts = await page.getByTestId("card-distance").allTextContents();
  return texts.map((text) => (text.startsWith("Under") ? 0 : Number(text.replace(/[^\d]/g, ""))));
}

/** Types into a place field and picks the suggestion, as a person would. */
async function pickPlace(page: Page, field: string, typed: string, label: string) {
  await page.getByLabel(field).fill(typed);
  await page.getByRole("option", { name: label, exact: true }).click();
  await expect(page.getByLabel(field)).toHaveValue(label);
}

test.describe("desktop", () => {
  test("a buyer searches near Galway, sees how far each item is, sorts nearest first and opens one", async ({ page }) => {
    await page.goto("/");
    await pickPlace(page, "Near", "gal", "Galway");
    await page.getByLabel("Within").selectOption("50");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/near=Galway&km=50/);
    await expect(page.getByTestId("result-count")).toContainText("within 50 km of Galway");
    await expect(cards(page).first()).toBeVisible();
    // A distance on every card, and nothing further than asked.
    await expect(page.getByTestId("card-distance")).toHaveCount(await cards(page).count());
    for (const km of await cardDistances(page)) expect(km).toBeLessThanOrEqual(50);
    await expect(cards(page).filter({ hasText: "Samsung 43 inch smart TV" })).toContainText("Galway");
    // Nothing from Dublin, Cork or Sligo.
    await expect(cards(page).filter({ hasText: "Rathmines" })).toHaveCount(0);

    await page.getByLabel("Sort by").selectOption({ label: "Nearest first" });
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/sort=distance/);
    const distances = await cardDistances(page);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));

    await cards(page).first().getByRole("heading").getByRole("link").click();
    await page.waitForURL(/\/listings\/[0-9a-f-]{36}\?near=Galway/);
    await expect(page.getByTestId("listing-place")).toHaveText(/Galway|Oranmore|Athenry|Bearna/);
    await expect(page.getByTestId("distance-from-buyer")).toContainText(/from Galway/);

    // The same page tells another buyer how far it is from their own town.
    await pickPlace(page, "How far is it from you?", "Limer", "Limerick");
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("distance-from-buyer")).toContainText(/About \d+ km from Limerick/);
  });

  test("synonyms and word forms find the same things, and a typo says what it searched for", async ({ page }) => {
    await page.goto("/?q=bicycle");
    await expect(cards(page).filter({ hasText: "Kids bike" })).toBeVisible();
    await expect(cards(page).filter({ hasText: "Hybrid bike" })).toBeVisible();
    await expect(page.getByTestId("corrected-query")).toHaveCount(0);

    await page.goto("/?q=couch");
    await expect(cards(page).filter({ hasText: "Grey three-seater sofa" })).toBeVisible();

    await page.goto("/?q=television");
    await expect(cards(page).filter({ hasText: "Samsung 43 inch smart TV" })).toBeVisible();

    await page.goto("/?q=hedphones");
    await expect(cards(page).filter({ hasText: "Sony WH-1000XM4" })).toBeVisible();
    await expect(page.getByTestId("corrected-query")).toContainText("Showing results for “headphones”");

    // Words and places together, from a shared link.
    await page.goto("/?q=sofa&near=Rathmines&km=10");
    await expect(cards(page).filter({ hasText: "Grey three-seater sofa" })).toBeVisible();
    await expect(page.getByTestId("card-distance").first()).toHaveText(/km away/);
  });

  test("an unknown place is said beside the field, and a radius out of bounds is kept within them", async ({ page }) => {
    const response = await page.goto("/?near=Atlantis&q=bike");
    expect(response?.status()).toBe(200);
    await expect(page.getByText("Trova doesn't know “Atlantis”")).toBeVisible();
    await expect(page.getByLabel("Near")).toHaveAttribute("aria-invalid", "true");
    // The words still search.
    await expect(cards(page).filter({ hasText: "Kids bike" })).toBeVisible();

    await page.goto("/?near=Galway&km=99999");
    await expect(page.getByTestId("result-count")).toContainText("within 200 km of Galway");
    await page.goto("/?near=Galway&km=-4");
    await expect(page.getByTestId("result-count")).toContainText("within 1 km of Galway");
  });

  test.describe("with the browser's location", () => {
    test.use({ geolocation: { latitude: 53.274_87, longitude: -9.049_61 }, permissions: ["geolocation"] });

    test("use my location searches around the buyer, rounded to about a kilometre", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("button", { name: "Use my location" }).click();
      // Rounded in the browser before it goes anywhere: 53.27, -9.05.
      await page.waitForURL(/near=53\.27%2C-9\.05|near=53\.27,-9\.05/);
      await expect(page.getByTestId("near-browser")).toHaveText("Your location (to about 1 km)");
      await expect(page.getByTestId("result-count")).toContainText("of your location");
      await expect(cards(page).filter({ hasText: "Samsung 43 inch smart TV" }).getByTestId("card-distance")).toHaveText(/Under 1 km away|\d km away/);
    });
  });

  test("a seller picks the town, an unknown one is refused beside the field, and it is their default next time", async ({ page }) => {
    await signUp(page, newAccount("Roisin"));
    await page.goto("/sell");
    await expect(page.getByLabel("Where is it?")).toHaveValue("");
    await addPhotos(page, 1);
    await waitForSuggestion(page);
    const title = `Oak rocking chair ${Date.now()}`;
    await fillListingForm(page, { title, category: "Furniture", condition: "Good", price: "60", place: "Atlantis" });
    await page.getByRole("button", { name: "Publish listing" }).click();
    await expect(page.getByText("Trova doesn't know that place.")).toBeVisible();
    await expect(page.getByLabel("Where is it?")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Title")).toHaveValue(title);

    await pickPlace(page, "Where is it?", "Athl", "Athlone");
    await page.getByRole("button", { name: "Publish listing" }).click();
    await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("listing-place")).toHaveText("Athlone");

    await page.goto("/?near=Athlone&km=5");
    await expect(cards(page).filter({ hasText: title })).toContainText(/Athlone · (Under 1 km|\d km) away/);

    await page.goto("/sell");
    await expect(page.getByLabel("Where is it?")).toHaveValue("Athlone");
  });

  test("the site has its icons and a web manifest, and no page asks for a file that is missing", async ({ page }) => {
    const missing: string[] = [];
    page.on("response", (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    await page.goto("/");
    await expect(cards(page).first()).toBeVisible();
    await page.goto("/?q=bike&near=Galway");
    await expect(page.getByTestId("result-count")).toBeVisible();
    expect(missing).toEqual([]);

    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(manifestHref).toBe("/manifest.webmanifest");
    const manifest = await (await page.request.get(manifestHref!)).json();
    expect(manifest).toMatchObject({ short_name: "Trova", start_url: "/", display: "standalone" });
    for (const icon of [...manifest.icons.map((entry: { src: string }) => entry.src), "/favicon.ico", "/apple-touch-icon.png"]) {
      const response = await page.request.get(icon);
      expect(response.status(), icon).toBe(200);
      expect(response.headers()["content-type"], icon).toMatch(/^image\//);
    }
  });
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("price, condition and sort fold behind one Filters button that counts the active ones", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByLabel("Min price (€)")).toBeHidden();
    await expect(page.getByLabel("Sort by")).toBeHidden();
    await expect(page.getByLabel("Near")).toBeVisible();
    await expect(page.getByRole("button", { name: "Filters", exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Filters", exact: true }).click();
    await page.getByLabel("Min price (€)").fill("10");
    await page.getByLabel("Condition").selectOption({ label: "Good" });
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/min=10/);
    await expect(page.getByRole("button", { name: "Filters (2)" })).toBeVisible();
    await expect(page.getByLabel("Min price (€)")).toBeHidden();
    for (const text of await page.getByTestId("listing-card").allTextContents()) expect(text).toContain("Good");
  });

  test("a near search on a phone shows the distance on each card", async ({ page }) => {
    await page.goto("/");
    await pickPlace(page, "Near", "lim", "Limerick");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/near=Limerick/);
    await expect(cards(page).filter({ hasText: "Hybrid bike" })).toBeVisible();
    await expect(page.getByTestId("card-distance")).toHaveCount(await cards(page).count());
    // Cards sit in two columns, each fully on screen.
    const box = await cards(page).first().boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});
