import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { E2E_ADMIN } from "./support/admin";
import { drawPhoto } from "./support/images";
import { choosePlace } from "./support/listings";

// The e2e server answers every drawn photo with the mock fixture: "Blue ceramic vase",
// Home & Garden, €25, unsure of the price (so every pre-fill is also "low-confidence").

async function signInAsAdmin(page: Page) {
  await page.goto("/sign-in?next=/console/review");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
}

test("a thumbs-down pre-fill is queued, labelled with the keyboard, promoted into a dataset, and evaluated", async ({ browser }) => {
  // A seller gets a suggestion, says it was not helpful, and publishes under their own title.
  const sellerPage = await (await browser.newContext()).newPage();
  const seller = newAccount("Reviewed Seller");
  await signUp(sellerPage, seller);
  await sellerPage.goto("/sell");
  await sellerPage.getByTestId("photo-input").setInputFiles(await drawPhoto("jug.jpg", { r: 150, g: 95, b: 45 }));
  await expect(sellerPage.getByLabel("Title")).toHaveValue("Blue ceramic vase");
  await sellerPage.getByRole("button", { name: "No, not helpful" }).click();
  await sellerPage.getByLabel("What was wrong? (optional)").fill("It's a stoneware jug, not a vase.");
  await sellerPage.getByRole("button", { name: "Send reason" }).click();
  await expect(sellerPage.getByTestId("feedback-status")).toHaveText("Thanks: your reason was saved.");
  await sellerPage.getByLabel("Title").fill("Hand-thrown stoneware jug");
  await choosePlace(sellerPage);
  await sellerPage.getByRole("button", { name: "Publish listing" }).click();
  await sellerPage.waitForURL(/\/listings\/[0-9a-f-]{36}$/);

  // The admin finds the call in the queue and takes it.
  const page = await (await browser.newContext()).newPage();
  await signInAsAdmin(page);
  const row = page.getByTestId("open-item").filter({ hasText: seller.email });
  await expect(row).toContainText("thumbs-down");
  await row.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("heading", { name: /^Review: thumbs-down/ })).toBeVisible();
  const itemUrl = page.url();

  await expect(page.getByRole("img", { name: "Photo 1 the seller uploaded" })).toBeVisible();
  await expect(page.getByTestId("review-suggestion")).toContainText("Blue ceramic vase");
  await expect(page.getByTestId("seller-feedback")).toContainText("It's a stoneware jug, not a vase.");
  await expect(page.getByTestId("review-published")).toContainText("Hand-thrown stoneware jug");
  await expect(page.getByTestId("review-shortcuts")).toContainText("accept the suggestion");

  // "a" takes the suggestion as the starting point (retried until the page is interactive).
  const title = page.getByLabel("Correct title");
  await expect(async () => {
    await page.keyboard.press("a");
    await expect(title).toHaveValue("Blue ceramic vase", { timeout: 1000 });
  }).toPass();
  await expect(page.getByLabel("Correct category")).toHaveValue("Home & Garden");
  await expect(page.getByLabel("Fair price from (EUR)")).toHaveValue("17");
  await expect(page.getByLabel("Fair price to (EUR)")).toHaveValue("33");
  await expect(page.getByRole("group", { name: "Suggested category" }).getByRole("radio", { name: /Right/ })).toBeChecked();

  // The title was wrong: fix it, leave the field, and mark it with "2" (the highlighted field is the title).
  await title.fill("Hand-thrown stoneware jug");
  await page.keyboard.press("Escape");
  await page.keyboard.press("2");
  await expect(page.getByRole("group", { name: "Suggested title" }).getByRole("radio", { name: /Wrong/ })).toBeChecked();
  await page.keyboard.press("c");
  await page.keyboard.type("Stoneware, glazed brown.");
  await expect(page.getByLabel("Comment")).toHaveValue("Stoneware, glazed brown.");
  // Ctrl+Enter saves and moves on to the next item (or back to the queue when none is left).
  await page.keyboard.press("Control+Enter");
  await page.waitForURL((url) => url.href !== itemUrl);

  // Back on the queue, the label is listed; the admin opens it and promotes it.
  await page.goto("/console/review");
  await expect(page.getByTestId("reviewer-progress")).toContainText(E2E_ADMIN.name);
  await page.getByTestId("recent-label").filter({ hasText: "Hand-thrown stoneware jug" }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Your label" })).toBeVisible();
  await expect(page.getByTestId("review-label")).toContainText("Title: Wrong");
  // The form holds the saved label, to correct it if need be.
  await expect(page.getByLabel("Correct category")).toHaveValue("Home & Garden");
  await expect(page.getByRole("group", { name: "Suggested title" }).getByRole("radio", { name: /Wrong/ })).toBeChecked();

  const dataset = `e2e-reviewed-${Date.now().toString(36)}`;
  const promote = page.getByTestId("promote-form");
  await expect(promote.getByLabel("Keywords")).toHaveValue("hand, thrown, stoneware, jug");
  await promote.getByLabel("Dataset").fill(dataset);
  await promote.getByRole("button", { name: "Add to dataset" }).click();
  await expect(page.getByTestId("promote-status")).toContainText(`${dataset} v1 now has 1 case.`);
  await expect(page.getByTestId("promoted-to")).toHaveText(`In dataset ${dataset}@1`);

  // The same photo again is refused, beside the dataset field.
  await promote.getByLabel("Dataset").fill(dataset);
  await promote.getByRole("button", { name: "Add to dataset" }).click();
  await expect(promote.getByRole("alert")).toContainText(`${dataset} v1 already holds this photo`);

  // The dataset holds the case; the eval runner runs on it from the console.
  await page.goto(`/console/datasets?name=${dataset}`);
  await expect(page.getByRole("heading", { name: `${dataset} v1: 1 cases` })).toBeVisible();
  await page.goto("/console/experiments");
  const form = page.getByTestId("start-run-form");
  await form.getByLabel("Dataset").selectOption(dataset);
  await form.getByLabel("Model").fill("mock:fixture");
  await form.getByLabel("Trials").fill("1");
  await form.getByRole("button", { name: "Run experiment" }).click();
  const run = page.getByTestId("run-row").filter({ hasText: `${dataset} v1` });
  await expect(run.getByTestId("run-status")).toHaveText("done", { timeout: 30_000 });
  // The fixture's category is the reviewer's: strict accuracy 100 %.
  await expect(run).toContainText("100.0%");
});

test("the review queue is for admins only", async ({ page }) => {
  await page.goto("/console/review");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsole%2Freview/);
  await signUp(page, newAccount("Nosy"));
  expect((await page.goto("/console/review"))?.status()).toBe(404);
});
