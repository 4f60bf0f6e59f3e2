import { expect, test } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { publishListing } from "./support/listings";

test("a buyer contacts the seller, who sees it unread and replies", async ({ browser }) => {
  const sellerPage = await (await browser.newContext()).newPage();
  const seller = newAccount("Niamh");
  await signUp(sellerPage, seller);
  const title = `Road bike 54cm ${Date.now()}`;
  const listingId = await publishListing(sellerPage, {
    title,
    description: "Shimano gears, new tyres.",
    category: "Sports",
    condition: "Good",
    price: "240",
  });

  // A signed-out buyer is sent to sign in (here: create an account) and comes back to the message box.
  const buyerPage = await (await browser.newContext()).newPage();
  const buyer = newAccount("Darragh");
  await buyerPage.goto(`/listings/${listingId}`);
  await buyerPage.getByRole("link", { name: "Contact seller" }).click();
  await expect(buyerPage).toHaveURL(/\/sign-in\?next=/);
  await buyerPage.getByRole("link", { name: "Create an account" }).click();
  await buyerPage.getByLabel("Display name").fill(buyer.name);
  await buyerPage.getByLabel("Email").fill(buyer.email);
  await buyerPage.getByLabel("Password").fill(buyer.password);
  await buyerPage.getByRole("button", { name: "Create account" }).click();
  await expect(buyerPage.getByRole("heading", { name: `Contact ${seller.name}` })).toBeVisible();

  await buyerPage.getByLabel("Your message").fill("Hi! Is it still available? Could I see it on Saturday?");
  await buyerPage.getByRole("button", { name: "Send" }).click();
  await expect(buyerPage).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  await expect(buyerPage.getByTestId("message")).toHaveText([/Is it still available/]);

  // The seller sees one unread message in the header and in the list.
  await sellerPage.goto("/");
  await expect(sellerPage.getByTestId("unread-total")).toHaveText("1");
  await sellerPage.getByTestId("nav-messages").click();
  const conversation = sellerPage.getByTestId("conversation-row").filter({ hasText: title });
  await expect(conversation.getByTestId("unread-badge")).toHaveText("1");
  await conversation.getByRole("link").first().click();
  await expect(sellerPage.getByTestId("message")).toHaveText([/Is it still available/]);
  await expect(sellerPage.getByTestId("unread-total")).toHaveCount(0);

  await sellerPage.getByLabel(`Reply to ${buyer.name}`).fill("Yes, Saturday at 11 works.");
  await sellerPage.getByRole("button", { name: "Send" }).click();
  await expect(sellerPage.getByTestId("message")).toHaveCount(2);
  await expect(sellerPage.getByLabel(`Reply to ${buyer.name}`)).toHaveValue("");

  // The buyer gets the reply.
  await buyerPage.goto("/messages");
  await expect(buyerPage.getByTestId("unread-total")).toHaveText("1");
  await buyerPage.getByTestId("conversation-row").filter({ hasText: title }).getByRole("link").first().click();
  await expect(buyerPage.getByTestId("message").last()).toHaveText(/Saturday at 11 works/);

  // A third person cannot read the thread.
  const threadUrl = buyerPage.url();
  const strangerPage = await (await browser.newContext()).newPage();
  await signUp(strangerPage, newAccount("Stranger"));
  const response = await strangerPage.goto(threadUrl);
  expect(response?.status()).toBe(404);
});

test("an empty message is refused beside the box", async ({ page, browser }) => {
  const sellerPage = await (await browser.newContext()).newPage();
  await signUp(sellerPage, newAccount("Fionn"));
  const listingId = await publishListing(sellerPage, {
    title: `Desk lamp ${Date.now()}`,
    description: "",
    category: "Home & Garden",
    condition: "Like new",
    price: "15",
  });
  await signUp(page, newAccount("Roisin"));
  await page.goto(`/messages/new?listing=${listingId}`);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByLabel("Your message")).toHaveAttribute("aria-invalid", "true");
});
