import { expect, test, type Browser, type Page } from "@playwright/test";
import { newAccount, signIn, signUp, type TestAccount } from "./support/accounts";
import { publishListing } from "./support/listings";

// What buyers expect: hearts and /saved, saved searches that notify, offers in the conversation,
// sold-to reviews on the seller's profile, and a sign-in page that says why it is there.

async function newSignedInPage(browser: Browser, account: TestAccount, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  await signUp(page, account);
  return page;
}

async function firstListing(page: Page): Promise<{ href: string; title: string }> {
  await page.goto("/");
  const link = page.getByTestId("listing-card").first().getByRole("heading").getByRole("link");
  return { href: (await link.getAttribute("href"))!, title: (await link.textContent())!.trim() };
}

test.describe("signed out", () => {
  test("the heart asks to sign in, names the listing, and the save completes after creating an account", async ({ page }) => {
    const listing = await firstListing(page);
    await page.goto(listing.href);
    await page.getByTestId("save-button").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sign in to save “${listing.title}”`);
    await page.getByRole("link", { name: "Create an account" }).click();
    const buyer = newAccount("Saver");
    await page.getByLabel("Display name").fill(buyer.name);
    await page.getByLabel("Email").fill(buyer.email);
    await page.getByLabel("Password").fill(buyer.password);
    await page.getByRole("button", { name: "Create account" }).click();
    // Back on the listing, where the save completes and the parameter goes.
    await expect(page).toHaveURL(new RegExp(`${listing.href}$`));
    await expect(page.getByTestId("save-button")).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved", exact: true }).click();
    await expect(page.getByTestId("saved-listing")).toHaveCount(1);
    await expect(page.getByTestId("saved-listing")).toContainText(listing.title);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test("Contact seller says why sign-in is needed and returns to the message form", async ({ page, browser }) => {
      const buyer = newAccount("Phone Buyer");
      const setup = await newSignedInPage(browser, buyer);
      await setup.context().close();
      const listing = await firstListing(page);
      await page.goto(listing.href);
      await page.getByRole("link", { name: "Contact seller" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sign in to message the seller of “${listing.title}”`);
      await expect(page.getByRole("link", { name: "Create an account" })).toBeVisible();
      await signIn(page, buyer);
      await expect(page).toHaveURL(/\/messages\/new\?listing=/);
      await expect(page.getByLabel("Your message")).toBeVisible();
    });
  });
});

test("a saved search notifies its owner when a matching listing is published, and can be paused", async ({ browser }) => {
  test.slow();
  const word = `zebra${Date.now().toString(36)}`;
  const buyer = await newSignedInPage(browser, newAccount("Searcher"));
  await buyer.goto(`/?q=${word}&category=Sports&page=1`);
  await buyer.getByRole("button", { name: "Save this search" }).click();
  await expect(buyer.getByTestId("search-saved")).toBeVisible();

  const seller = await newSignedInPage(browser, newAccount("Publisher"));
  await publishListing(seller, { title: `Striped ${word} bike`, description: "Hardly used.", category: "Sports", condition: "Good", price: "45" });

  // The match runs after the publish answered: the count shows up on a later page view.
  await expect(async () => {
    await buyer.goto("/saved");
    await expect(buyer.getByTestId("notification-count")).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await buyer.getByTestId("nav-notifications").click();
  await expect(buyer.getByTestId("notification").first()).toContainText(`Striped ${word} bike`);
  await buyer.getByTestId("notification").first().getByRole("link").click();
  await expect(buyer.getByRole("heading", { level: 1 })).toHaveText(`Striped ${word} bike`);

  await buyer.goto("/saved");
  const row = buyer.getByTestId("saved-search").filter({ hasText: word });
  await row.getByRole("button", { name: "Pause" }).click();
  await expect(row).toContainText("Paused");
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
});

test("an offer, a counter, acceptance reserves it; sold to the buyer, who reviews the seller", async ({ browser }) => {
  test.slow();
  const sellerAccount = newAccount("Offer Seller");
  const seller = await newSignedInPage(browser, sellerAccount);
  const title = `Kids bike ${Date.now().toString(36)}`;
  const listingId = await publishListing(seller, { title, description: "Blue, 16 inch.", category: "Sports", condition: "Good", price: "60" });

  const buyerAccount = newAccount("Offer Buyer");
  const buyer = await newSignedInPage(browser, buyerAccount, { width: 390, height: 844 });
  await buyer.goto(`/listings/${listingId}`);
  await buyer.getByRole("link", { name: sellerAccount.name }).waitFor();
  await buyer.getByLabel("Your offer").fill("40");
  await buyer.getByRole("button", { name: "Send offer" }).click();
  await expect(buyer).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  const conversationUrl = buyer.url();
  await expect(buyer.getByTestId("offer")).toContainText("€40");
  await expect(buyer.getByTestId("offer-status")).toHaveText("waiting for an answer");
  await buyer.getByLabel(`Reply to ${sellerAccount.name}`).fill("Could I collect it at the weekend?");
  await buyer.getByRole("button", { name: "Send" }).click();
  await expect(buyer.getByTestId("message").last()).toContainText("at the weekend");

  // The seller is told, and counters in the conversation.
  await seller.goto("/");
  await expect(seller.getByTestId("notification-count")).toBeVisible();
  await seller.getByTestId("nav-notifications").click();
  await seller.getByTestId("notification").filter({ hasText: "offered €40" }).getByRole("link").click();
  await seller.getByLabel("Your price").fill("50");
  await seller.getByRole("button", { name: "Send counter-offer" }).click();
  await expect(seller.getByTestId("offer").last()).toContainText("€50");
  await expect(seller.getByTestId("offer").first()).toHaveAttribute("data-status", "countered");

  // The buyer accepts the counter: the listing is reserved for them.
  await buyer.goto(conversationUrl);
  await buyer.getByTestId("offer").last().getByRole("button", { name: "Accept" }).click();
  await expect(buyer.getByTestId("offer").last()).toHaveAttribute("data-status", "accepted");
  await buyer.goto(`/listings/${listingId}`);
  await expect(buyer.getByTestId("status-reserved")).toBeVisible();
  await expect(buyer.getByTestId("reserved-for-you")).toBeVisible();

  // A real conversation: the seller writes back, then marks it sold to the buyer.
  await seller.goto(conversationUrl);
  await expect(seller.getByTestId("offer").last()).toHaveAttribute("data-status", "accepted");
  await seller.getByLabel(`Reply to ${buyerAccount.name}`).fill("Great, collect it Saturday.");
  await seller.getByRole("button", { name: "Send" }).click();
  await expect(seller.getByTestId("message").last()).toContainText("collect it Saturday");
  await seller.goto("/my-listings");
  const row = seller.getByTestId("my-listing-row").filter({ hasText: title });
  await row.getByRole("button", { name: "Mark sold" }).click();
  await row.getByLabel("Who bought it?").selectOption({ label: buyerAccount.name });
  await row.getByRole("button", { name: "Confirm sold" }).click();
  await expect(row.getByTestId("status-sold")).toBeVisible();

  // Only that buyer may review, once; the review is on the profile with the listing title.
  await buyer.goto(`/listings/${listingId}`);
  await buyer.getByLabel("5 stars").check();
  await buyer.getByLabel("Your review").fill("Friendly and quick.");
  await buyer.getByRole("button", { name: "Post review" }).click();
  await expect(buyer.getByTestId("reviewed")).toBeVisible();
  await buyer.reload();
  await expect(buyer.getByTestId("reviewed")).toBeVisible();
  await expect(buyer.getByLabel("Your review")).toHaveCount(0);

  await buyer.getByTestId("seller-name").getByRole("link").click();
  await expect(buyer.getByRole("heading", { level: 1 })).toHaveText(sellerAccount.name);
  await expect(buyer.getByTestId("sold-count")).toHaveText("1");
  await expect(buyer.getByTestId("reply-time")).toContainText("Usually within");
  await expect(buyer.getByTestId("review")).toContainText(title);
  await expect(buyer.getByTestId("review")).toContainText("Friendly and quick.");
});

test("the seller sees how many people saved a listing", async ({ browser }) => {
  test.slow();
  const seller = await newSignedInPage(browser, newAccount("Saved Seller"));
  const title = `Lamp ${Date.now().toString(36)}`;
  const listingId = await publishListing(seller, { title, description: "Brass.", category: "Home & Garden", condition: "Good", price: "20" });
  await expect(seller.getByTestId("save-count")).toHaveText("0 people saved this");
  const buyer = await newSignedInPage(browser, newAccount("Heart Buyer"));
  await buyer.goto(`/listings/${listingId}`);
  await buyer.getByTestId("save-button").click();
  await expect(buyer.getByTestId("save-button")).toHaveAttribute("aria-pressed", "true");
  await expect(async () => {
    await seller.goto("/my-listings");
    await expect(seller.getByTestId("my-listing-row").filter({ hasText: title }).getByTestId("save-count")).toHaveText("1 save", { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await seller.goto(`/listings/${listingId}`);
  await expect(seller.getByTestId("save-count")).toHaveText("1 person saved this");
});

test("a signed-in buyer saves and unsaves from a card's heart, and cards open without reloading the page", async ({ browser }) => {
  const buyer = await newSignedInPage(browser, newAccount("Card Saver"));
  await buyer.goto("/?q=kids+bike");
  const card = buyer.getByTestId("listing-card").filter({ hasText: "Kids bike 16 inch" });
  const heart = card.getByTestId("save-button");
  await expect(heart).toHaveAttribute("aria-pressed", "false");
  await heart.click();
  await expect(heart).toHaveAttribute("aria-pressed", "true");
  await expect(heart).toHaveAccessibleName("Remove “Kids bike 16 inch” from saved");
  // Still saved when the page is loaded again: the server has it.
  await buyer.reload();
  await expect(heart).toHaveAttribute("aria-pressed", "true");
  await buyer.goto("/saved");
  await expect(buyer.getByTestId("saved-listing").filter({ hasText: "Kids bike 16 inch" })).toHaveCount(1);

  // The card's link navigates inside the app, as a <Link> would: the page's state survives.
  await buyer.goto("/?q=kids+bike");
  await buyer.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await card.getByRole("heading").getByRole("link").click();
  await expect(buyer.getByRole("heading", { level: 1, name: "Kids bike 16 inch" })).toBeVisible();
  expect(await buyer.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await buyer.goBack();
  await expect(heart).toHaveAttribute("aria-pressed", "true");
  // From the keyboard: the heart keeps the focus once the page has re-rendered with the change.
  await heart.focus();
  await buyer.keyboard.press("Space");
  await expect(heart).toHaveAttribute("aria-pressed", "false");
  await buyer.waitForLoadState("networkidle");
  await expect(heart).toBeFocused();
  await buyer.goto("/saved");
  await expect(buyer.getByText("Nothing saved yet.")).toBeVisible();

  // On /saved, unsaving from the keyboard removes the card; the focus goes to the heading, not the void.
  await buyer.goto("/?q=kids+bike");
  await heart.click();
  await expect(heart).toHaveAttribute("aria-pressed", "true");
  await buyer.waitForLoadState("networkidle");
  await buyer.goto("/saved");
  const savedHeart = buyer.getByTestId("saved-listing").getByTestId("save-button");
  await savedHeart.focus();
  await buyer.keyboard.press("Enter");
  await expect(buyer.getByText("Nothing saved yet.")).toBeVisible();
  await expect(buyer.getByRole("heading", { level: 1, name: "Saved listings" })).toBeFocused();
});
