import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { drawClockPhoto, drawPlainPhoto } from "./support/images";

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
  await expect(page.getByLabel("Description")).toHaveValue(/^.*clock\.\nBrand: …/i);
  // The condition is the seller's to say: left empty and asked for.
  await expect(page.getByLabel("Condition")).toHaveValue("");
  await expect(page.getByLabel("Condition")).toHaveAccessibleDescription(/Please check/);

  await page.getByLabel("Condition").selectOption({ label: "Good" });
  await page.getByLabel("Price (EUR)").fill("12");
  // The skeleton's "…" lines are for the seller to complete: publishing them as they are is refused
  // beside the description, and nothing else in the form changes.
  await page.getByRole("button", { name: "Publish listing" }).click();
  await expect(page.getByLabel("Description")).toHaveAccessibleDescription(/Fill in or delete “Brand: …”/);
  await expect(page.getByLabel("Price (EUR)")).toHaveValue("12");
  await expect(page.getByLabel("Title")).toHaveValue(/clock$/i);

  await page.getByLabel("Description").fill("Wall clock, battery powered, keeps good time.");
  await page.getByRole("button", { name: "Publish listing" }).click();
  await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /clock$/i })).toBeVisible();
});

test("a photo the built-in model cannot read leaves the category to the seller and asks them to check it", async ({ page }) => {
  await startSellingWithBuiltInModel(page, "Cathal");
  await page.getByTestId("photo-input").setInputFiles(await drawPlainPhoto("plain.jpg", { r: 60, g: 120, b: 200 }));

  await expect(page.getByTestId("prefill-status")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(page.getByTestId("prefill-model")).toHaveText("Trova's built-in photo reader");
  await expect(page.getByLabel("Title")).toHaveValue("");
  await expect(page.getByLabel("Title")).toHaveAccessibleDescription(/Please check/);
  await expect(page.getByLabel("Category")).toHaveValue("");
  await expect(page.getByLabel("Category")).toHaveAccessibleDescription(/Please check/);
  await expect(page.getByLabel("Description")).toHaveValue(/What it is: …/);
});
