import { expect, test, type Browser, type Page } from "@playwright/test";
import { newAccount, signIn, signUp, type TestAccount } from "./support/accounts";
import { E2E_MODERATOR } from "./support/admin";
import { addPhotos, choosePlace, fillListingForm, publishListing, waitForSuggestion } from "./support/listings";

// Trust and safety as people meet it: a buyer reports, a moderator decides, the seller is told;
// a suspended seller cannot publish; a blocked buyer cannot write.

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function signInAsModerator(page: Page, path: string, heading: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await signIn(page, E2E_MODERATOR);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

async function searchFor(page: Page, title: string) {
  await page.goto(`/?q=${encodeURIComponent(title)}`);
  return page.getByTestId("listing-card").filter({ hasText: title });
}

async function sellerWithListing(browser: Browser, name: string, title: string): Promise<{ page: Page; account: TestAccount; listingId: string }> {
  const page = await newPage(browser);
  const account = newAccount(name);
  await signUp(page, account);
  const listingId = await publishListing(page, { title, description: "Barely used.", category: "Electronics", condition: "Like new", price: "90" });
  return { page, account, listingId };
}

test("a buyer reports a listing, a moderator hides it, the seller sees why, and the moderator restores it", async ({ browser }) => {
  const title = `Wireless headphones ${Date.now()}`;
  const seller = await sellerWithListing(browser, "Saoirse", title);

  const buyerPage = await newPage(browser);
  await signUp(buyerPage, newAccount("Cathal"));
  await buyerPage.goto(`/listings/${seller.listingId}`);
  await buyerPage.getByText("Report this listing").click();
  // No reason: refused beside the field, and the note typed is kept.
  await buyerPage.getByLabel("Note (optional)").fill("Same photos as a listing from last week, price far too low.");
  await buyerPage.getByRole("button", { name: "Send report" }).click();
  await expect(buyerPage.getByRole("region", { name: "Report" }).getByRole("alert")).toHaveText("Choose a reason.");
  await expect(buyerPage.getByLabel("Note (optional)")).toHaveValue(/price far too low/);
  await buyerPage.getByLabel("Reason").selectOption({ label: "Scam or fraud" });
  await buyerPage.getByRole("button", { name: "Send report" }).click();
  // Told it was received; one open report per person, so the form gives way to the report's status.
  await expect(buyerPage.getByTestId("own-report-status")).toContainText("Received: a moderator will look at it.");
  await buyerPage.reload();
  await expect(buyerPage.getByTestId("own-report-status")).toHaveAttribute("data-status", "open");
  await expect(buyerPage.getByText("Report this listing")).toHaveCount(0);

  // The moderator finds it in the queue, claims it and hides the listing.
  const moderatorPage = await newPage(browser);
  await signInAsModerator(moderatorPage, "/console/moderation", "Moderation queue");
  const row = moderatorPage.getByTestId("moderation-item").filter({ hasText: title });
  await expect(row).toContainText("Scam or fraud");
  await row.getByRole("button", { name: "Claim" }).click();
  await expect(row).toContainText("You");
  await row.getByRole("link", { name: new RegExp(title) }).click();
  await expect(moderatorPage.getByRole("heading", { level: 1, name: new RegExp(title) })).toBeVisible();
  // The seller's photo was screened after its upload (a drawn photo: far under the threshold).
  await expect(moderatorPage.getByText(/^explicit 0\.\d\d$/)).toBeVisible();
  const hide = moderatorPage.getByTestId("hide-listing");
  await hide.getByRole("button", { name: "Hide listing" }).click();
  await expect(hide.getByRole("alert")).toHaveText("Say why, for the audit log.");
  await hide.getByLabel(/Reason/).fill("Counterfeit: the serial number belongs to another unit.");
  await hide.getByRole("button", { name: "Hide listing" }).click();
  await expect(moderatorPage.getByTestId("moderation-item-state")).toContainText("listing hidden");

  // Gone from search; its page says it is unavailable.
  await expect(await searchFor(buyerPage, title)).toHaveCount(0);
  await buyerPage.goto(`/listings/${seller.listingId}`);
  await expect(buyerPage.getByTestId("listing-unavailable")).toContainText("This listing is unavailable");
  // The reporter hears what was decided.
  await buyerPage.goto("/my-listings");
  await expect(buyerPage.getByTestId("own-report").filter({ hasText: title })).toHaveAttribute("data-status", "resolved");
  await expect(buyerPage.getByTestId("own-report-outcome")).toContainText("removed from the site");

  // The seller sees why, on My listings and on the listing's own page.
  await seller.page.goto("/my-listings");
  await expect(seller.page.getByTestId("my-listing-row").filter({ hasText: title }).getByTestId("hidden-reason")).toContainText("Counterfeit: the serial number");
  await seller.page.goto(`/listings/${seller.listingId}`);
  await expect(seller.page.getByTestId("listing-hidden-notice")).toContainText("A moderator hid it");

  // The moderator restores it: back in search, and the audit log has both decisions.
  const restore = moderatorPage.getByTestId("restore-listing");
  await restore.getByLabel(/Reason/).fill("Seller sent the receipt: genuine.");
  await restore.getByRole("button", { name: "Restore listing" }).click();
  await expect(moderatorPage.getByTestId("moderation-item-state")).toContainText("listing shown");
  await expect(await searchFor(buyerPage, title)).toHaveCount(1);
  await moderatorPage.goto("/console/moderation/log");
  const entries = moderatorPage.getByTestId("moderation-log-entry").filter({ hasText: title });
  await expect(entries.filter({ hasText: "Restored the listing" })).toContainText("Seller sent the receipt");
  await expect(entries.filter({ hasText: "Hid the listing" })).toContainText(E2E_MODERATOR.name);

  // A moderator who is not an admin sees the moderation queue only, not the AI console.
  expect((await moderatorPage.goto("/console/monitoring"))?.status()).toBe(404);
  // And a seller cannot open the queue at all.
  expect((await seller.page.goto("/console/moderation"))?.status()).toBe(404);
});

test("a suspended seller cannot publish, and their listings leave search until the suspension is lifted", async ({ browser }) => {
  const title = `Espresso machine ${Date.now()}`;
  const seller = await sellerWithListing(browser, "Ronan", title);
  const buyerPage = await newPage(browser);
  await signUp(buyerPage, newAccount("Aoife"));
  await buyerPage.goto(`/listings/${seller.listingId}`);
  await buyerPage.getByText("Report this listing").click();
  await buyerPage.getByLabel("Reason").selectOption({ label: "Prohibited item" });
  await buyerPage.getByRole("button", { name: "Send report" }).click();
  await expect(buyerPage.getByTestId("own-report-status")).toContainText("Received");

  const moderatorPage = await newPage(browser);
  await signInAsModerator(moderatorPage, "/console/moderation", "Moderation queue");
  await moderatorPage.getByTestId("moderation-item").filter({ hasText: title }).getByRole("link", { name: new RegExp(title) }).click();
  const suspend = moderatorPage.getByTestId("suspend-seller");
  await suspend.getByLabel(/Reason/).fill("Sells prohibited goods again and again.");
  await suspend.getByLabel("Days (empty: permanent)").fill("7");
  await suspend.getByRole("button", { name: `Suspend ${seller.account.name}` }).click();
  await expect(moderatorPage.getByTestId("person-seller")).toContainText("suspended until");

  // The seller can still sign in and read, but publishing is refused with the reason.
  await seller.page.goto("/my-listings");
  await expect(seller.page.getByTestId("suspension-notice")).toContainText("Sells prohibited goods");
  await seller.page.goto("/sell");
  await expect(seller.page.getByTestId("suspension-notice")).toContainText("not publish listings");
  await addPhotos(seller.page, 1);
  await waitForSuggestion(seller.page);
  await fillListingForm(seller.page, { title: `${title} second`, description: "", category: "Electronics", condition: "Good", price: "50" });
  await choosePlace(seller.page);
  await seller.page.getByRole("button", { name: "Publish listing" }).click();
  await expect(seller.page.getByTestId("listing-form").getByRole("alert")).toHaveText(/Your account is suspended until .*not publish listings/);
  await expect(seller.page).toHaveURL(/\/sell$/);
  await expect(seller.page.getByLabel("Title")).toHaveValue(`${title} second`);
  // Their listing is gone from search.
  await expect(await searchFor(buyerPage, title)).toHaveCount(0);

  // Lifting the suspension brings it back.
  const lift = moderatorPage.getByTestId("lift-seller");
  await lift.getByLabel(/Reason/).fill("Appeal upheld.");
  await lift.getByRole("button", { name: /Lift/ }).click();
  await expect(moderatorPage.getByTestId("person-seller")).toContainText("in good standing");
  await expect(await searchFor(buyerPage, title)).toHaveCount(1);
});

test("a seller blocks a buyer, who can no longer write; scam-like messages carry a warning for the reader", async ({ browser }) => {
  const title = `Mountain bike ${Date.now()}`;
  const seller = await sellerWithListing(browser, "Grainne", title);
  const buyerPage = await newPage(browser);
  const buyer = newAccount("Mallory");
  await signUp(buyerPage, buyer);
  await buyerPage.goto(`/messages/new?listing=${seller.listingId}`);
  await buyerPage.getByLabel("Your message").fill("I pay by Western Union, my courier collects. Send me the code you get by SMS.");
  await buyerPage.getByRole("button", { name: "Send" }).click();
  await expect(buyerPage).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  // The writer is not warned about their own message.
  await expect(buyerPage.getByTestId("scam-warning")).toHaveCount(0);
  const conversationUrl = buyerPage.url();

  await seller.page.goto(conversationUrl);
  await expect(seller.page.getByTestId("scam-warning")).toContainText("payment outside Trova");
  await expect(seller.page.getByTestId("scam-warning")).toContainText("Never share a verification code");
  // The seller reports the conversation as well, and is told it was received.
  await seller.page.getByText("Report this conversation").click();
  await seller.page.getByLabel("Reason").selectOption({ label: "Scam or fraud" });
  await seller.page.getByRole("button", { name: "Send report" }).click();
  await expect(seller.page.getByTestId("own-report-status")).toContainText("Received");
  seller.page.once("dialog", (dialog) => dialog.accept());
  await seller.page.getByRole("button", { name: `Block ${buyer.name}` }).click();
  await expect(seller.page.getByTestId("conversation-blocked")).toContainText(`You blocked ${buyer.name}`);

  // The buyer is told only that they can't reply (the server refuses their sends too: lib/db/queries/safety.test.ts).
  await buyerPage.reload();
  await expect(buyerPage.getByTestId("conversation-blocked")).toHaveText("You can't reply to this conversation.");
  await expect(buyerPage.getByRole("button", { name: "Send" })).toHaveCount(0);
  await expect(buyerPage.getByText(/blocked/i)).toHaveCount(0);
  await buyerPage.goto(`/messages/new?listing=${seller.listingId}`);
  await expect(buyerPage).toHaveURL(conversationUrl);
  await expect(buyerPage.getByTestId("conversation-blocked")).toBeVisible();
});
