import { expect, test, type Page } from "@playwright/test";
import { startSelling } from "./support/listings";
import { drawPhoto } from "./support/images";
import { choosePlace } from "./support/listings";

// What the sell page says about a suggestion (the e2e server's mock models; the real built-in
// reader is in local-vision.spec.ts): why a field is empty or to be checked, where feedback is
// asked, that an accepted suggestion publishes as it is, and the scroll to the fields on a phone.

async function addPhoto(page: Page) {
  await page.getByTestId("photo-input").setInputFiles(await drawPhoto("vase.jpg", { r: 40, g: 90, b: 190 }));
}

test("a hosted model's uncertain fields say why, and an accepted suggestion publishes unchanged", async ({ page }) => {
  await startSelling(page, "Aisling");
  await addPhoto(page);
  await expect(page.getByTestId("prefill-status")).toHaveAttribute("data-state", "done");
  await expect(page.getByTestId("prefill-status")).toHaveAttribute("data-recognised", "true");
  // A hosted model gives no view of its own: no "Looks like" line, reasons read from its answer.
  await expect(page.getByTestId("prefill-seen")).toHaveCount(0);
  await expect(page.getByLabel("Price (EUR)")).toHaveAccessibleDescription(/Please check.*a rough guess from the photo/);
  await expect(page.getByLabel("Title")).not.toHaveAccessibleDescription(/Why:/);
  // The details it gave are open to see.
  await expect(page.getByTestId("suggestion-details")).toHaveAttribute("open", "");
  await expect(page.getByLabel("Colour")).toHaveValue("blue");

  await choosePlace(page);

  await page.getByRole("button", { name: "Publish listing" }).click();
  await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Blue ceramic vase" })).toBeVisible();
  await expect(page.getByTestId("listing-description")).toHaveText("Blue glazed ceramic vase, about 25 cm tall. No chips or cracks that I can see.");
  await expect(page.getByTestId("listing-price")).toHaveText("€25");
});

test("a model unsure of the category leaves it to the seller and says why", async ({ page }) => {
  await startSelling(page, "Bríd", "mock:low-confidence");
  await addPhoto(page);
  await expect(page.getByTestId("prefill-status")).toHaveAttribute("data-state", "done");
  await expect(page.getByLabel("Category")).toHaveValue("");
  await expect(page.getByLabel("Category")).toHaveAccessibleDescription(/Please check.*the model wasn't sure which category fits/);
  // Once the seller has chosen, the question and its reason go.
  await page.getByLabel("Category").selectOption("Home & Garden");
  await expect(page.getByLabel("Category")).not.toHaveAccessibleDescription(/Why:/);
});

test("feedback is asked after the fields, beside Publish, and not while the photo is read", async ({ page }) => {
  await startSelling(page, "Colm", "mock:timeout");
  await addPhoto(page);
  await expect(page.getByTestId("prefill-status")).toHaveAttribute("data-state", "reading");
  await expect(page.getByTestId("suggestion-feedback")).toHaveCount(0);

  await page.context().clearCookies({ name: "trova-mock-model" });
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByRole("button", { name: "Yes, start over" }).click();
  await addPhoto(page);
  await expect(page.getByTestId("prefill-status")).toHaveAttribute("data-state", "done");
  const feedback = page.getByTestId("suggestion-feedback");
  await expect(feedback).toBeVisible();
  const priceBox = await page.getByLabel("Price (EUR)").boundingBox();
  const feedbackBox = await feedback.boundingBox();
  const publishBox = await page.getByRole("button", { name: "Publish listing" }).boundingBox();
  // Below every field the seller judges, just above the button that publishes them.
  expect(feedbackBox!.y).toBeGreaterThan(priceBox!.y + priceBox!.height);
  expect(feedbackBox!.y + feedbackBox!.height).toBeLessThanOrEqual(publishBox!.y);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 480 } });

  test("the answer brings the first filled field into view (instantly, with reduced motion)", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await startSelling(page, "Dara");
    const title = page.getByLabel("Title");
    await expect(title).not.toBeInViewport();
    await addPhoto(page);
    await expect(page.getByTestId("prefill-status")).toHaveAttribute("data-state", "done");
    await expect(title).toHaveValue("Blue ceramic vase");
    await expect(title).toBeInViewport();
  });
});
