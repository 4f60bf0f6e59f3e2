import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { drawClockPhoto, drawPlainPhoto } from "./support/images";
import { choosePlace } from "./support/listings";

// The sell flow with no API key: Trova's built-in detector (local:vision) reads the photo on the
// server. The e2e server's default model is a mock, so this spec asks for the real built-in one
// with the test-only model cookie; nothing about the model itself is scripted.

async function startSellingWithBuiltInModel(page: Page, name: string) {
  await page.context().addCookies([{ name: "trova-mock-model", value: "local:vision", domain: "localhost", path: "/" }]);
  await signUp(page, newAccount(name));
  await page.goto("/sell");
}

test("with no key, the built-in model fills in the form from the photo and says the photo stayed on the server", async ({ page }) => {
  await startSellingWithBuiltInModel(page, "Orla");
  await page.getByTestId("photo-input").setInputFiles(await drawClockPhoto("clock.jpg"));

  // Loading the model can take a few seconds on the first photo.
  await expect(page.getByTestId("prefill-status")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(page.getByTestId("prefill-model")).toHaveText("Trova's built-in photo reader");
  await expect(page.getByTestId("prefill-local")).toContainText("read on this server, your photo never left it");
  await expect(page.getByTestId("prefill-fallback")).toHaveCount(0);

  await expect(page.getByLabel("Title")).toHaveValue(/clock$/i);
  await expect(page.getByLabel("Category")).toHaveValue("Home & Garden");
  // The colour the title names is the Colour detail too.
  const colour = /^(.*?)\s*clock$/i.exec(await page.getByLabel("Title").inputValue())![1].toLowerCase();
  await expect(page.getByLabel("Colour")).toHaveValue(colour);
  // What it saw, in plain words, under the banner.
  await expect(page.getByTestId("prefill-seen")).toContainText(/Looks like: a clock \((high|medium)\)/);
  // No unfinished skeleton as text: what buyers ask is the placeholder, and chips to insert.
  await expect(page.getByLabel("Description")).toHaveValue("");
  await expect(page.getByLabel("Description")).toHaveAttribute("placeholder", /Buyers ask about: brand; size or capacity/);
  // The condition is the seller's to say: left empty, asked for, and why.
  await expect(page.getByLabel("Condition")).toHaveValue("");
  await expect(page.getByLabel("Condition")).toHaveAccessibleDescription(/Please check.*condition can't be seen in a photo/);
  await expect(page.getByLabel("Price (EUR)")).toHaveAccessibleDescription(/no similar listings to price from yet|the middle price of similar listings/);

  await page.getByRole("button", { name: "+ Brand", exact: true }).click();
  await expect(page.getByLabel("Description")).toBeFocused();
  await page.keyboard.type("Seiko");
  // A prompt inserted and left unanswered is dropped at publish, never refused.
  await page.getByRole("button", { name: "+ Size or capacity" }).click();
  await expect(page.getByLabel("Description")).toHaveValue("Brand: Seiko\nSize or capacity: ");
  await page.getByLabel("Condition").selectOption({ label: "Good" });
  await page.getByLabel("Price (EUR)").fill("12");
  await choosePlace(page);
  await page.getByRole("button", { name: "Publish listing" }).click();
  await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /clock$/i })).toBeVisible();
  await expect(page.getByTestId("listing-description")).toContainText("Brand: Seiko");
  await expect(page.getByTestId("listing-description")).not.toContainText("Size or capacity");
});

test("a photo the built-in model cannot read: the banner says it recognised nothing and the form stays plain", async ({ page }) => {
  await startSellingWithBuiltInModel(page, "Cathal");
  await page.getByTestId("photo-input").setInputFiles(await drawPlainPhoto("plain.jpg", { r: 60, g: 120, b: 200 }));

  await expect(page.getByTestId("prefill-status")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(page.getByTestId("prefill-status")).toHaveAttribute("data-recognised", "false");
  await expect(page.getByTestId("prefill-nothing")).toContainText("Trova's built-in photo reader couldn't tell what this is, so nothing was filled in");
  await expect(page.getByTestId("prefill-seen")).toHaveText("It didn't recognise anything it could name in the photo.");
  await expect(page.getByLabel("Title")).toHaveValue("");
  await expect(page.getByLabel("Category")).toHaveValue("");
  await expect(page.getByLabel("Description")).toHaveValue("");
  // Nothing to check and nothing explained: plain fields, and the empty details folded away.
  await expect(page.getByTestId("mark-check")).toHaveCount(0);
  await expect(page.getByTestId("mark-suggested")).toHaveCount(0);
  await expect(page.getByTestId("field-reason")).toHaveCount(0);
  await expect(page.getByTestId("suggestion-details")).not.toHaveAttribute("open");
  await expect(page.getByLabel("Brand")).toBeHidden();
});
