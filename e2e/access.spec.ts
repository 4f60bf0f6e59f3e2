import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { publishListing } from "./support/listings";

const listing = (title: string) => ({ title, description: "", category: "Books", condition: "Good", price: "12" });

/** Rewrites the next server-action request from this page so it names another listing id. */
async function forgeNextActionRequest(page: Page, ownId: string, victimId: string) {
  let forged = false;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"] && !forged) {
      const body = request.postData() ?? "";
      if (body.includes(ownId)) {
        forged = true;
        return route.continue({ postData: body.replaceAll(ownId, victimId) });
      }
    }
    return route.continue();
  });
  return () => forged;
}

test("a seller cannot edit, mark sold or delete someone else's listing", async ({ browser }) => {
  const ownerPage = await (await browser.newContext()).newPage();
  await signUp(ownerPage, newAccount("Owner"));
  const victimTitle = `First edition novel ${Date.now()}`;
  const victimId = await publishListing(ownerPage, listing(victimTitle));

  const intruderPage = await (await browser.newContext()).newPage();
  await signUp(intruderPage, newAccount("Intruder"));

  // The edit page of someone else's listing does not exist for them.
  const response = await intruderPage.goto(`/listings/${victimId}/edit`);
  expect(response?.status()).toBe(404);
  // The listing page offers them contact, not edit.
  await intruderPage.goto(`/listings/${victimId}`);
  await expect(intruderPage.getByRole("link", { name: "Edit listing" })).toHaveCount(0);

  // A forged "mark sold" action: the intruder's own button, with the victim's id in the request.
  const ownId = await publishListing(intruderPage, listing(`Paperback ${Date.now()}`));
  await intruderPage.goto("/my-listings");
  const wasForged = await forgeNextActionRequest(intruderPage, ownId, victimId);
  await intruderPage.getByTestId("my-listing-row").first().getByRole("button", { name: "Mark sold" }).click();
  await expect(intruderPage.getByText("That listing doesn't exist or isn't yours.")).toBeVisible();
  expect(wasForged()).toBe(true);

  // A forged delete is refused the same way.
  await intruderPage.unroute("**/*");
  await intruderPage.reload();
  const wasForgedAgain = await forgeNextActionRequest(intruderPage, ownId, victimId);
  await intruderPage.getByTestId("my-listing-row").first().getByRole("button", { name: "Delete" }).click();
  await intruderPage.getByRole("button", { name: /Yes, delete/ }).click();
  await expect(intruderPage.getByText("That listing doesn't exist or isn't yours.")).toBeVisible();
  expect(wasForgedAgain()).toBe(true);

  // The victim's listing is untouched: still active and on the home page.
  await ownerPage.goto("/my-listings");
  const row = ownerPage.getByTestId("my-listing-row").filter({ hasText: victimTitle });
  await expect(row.getByTestId("status-active")).toBeVisible();
  await ownerPage.goto(`/listings/${victimId}`);
  await expect(ownerPage.getByRole("heading", { level: 1, name: victimTitle })).toBeVisible();
});

test("signed-out visitors are asked to sign in for private pages", async ({ page }) => {
  for (const path of ["/my-listings", "/messages", "/sell"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(path)}`));
  }
});
