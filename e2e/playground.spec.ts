import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { signInAsAdmin } from "./support/admin";
import { drawPhoto } from "./support/images";
import { choosePlace, waitForSuggestion } from "./support/listings";

// The e2e server answers every drawn photo with the mock fixture ("Blue ceramic vase", Home &
// Garden, €25); mock:low-confidence gives the same answer unsure of its category and price, so
// the sell form (and the playground, which shows answers as the form would) leaves the category.

/** A seller gets a suggestion on /sell and publishes under their own title; returns their email. */
async function sellerPublishes(page: Page, title: string): Promise<string> {
  const seller = newAccount("Playground Seller");
  await signUp(page, seller);
  await page.goto("/sell");
  await page.getByTestId("photo-input").setInputFiles(await drawPhoto("teapot.jpg", { r: 120, g: 160, b: 200 }));
  await waitForSuggestion(page);
  await expect(page.getByLabel("Title")).toHaveValue("Blue ceramic vase");
  await page.getByLabel("Title").fill(title);
  await choosePlace(page);
  await page.getByRole("button", { name: "Publish listing" }).click();
  await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
  return seller.email;
}

test("an admin tries v1 against a draft on a seller's photo, saves a case and runs the draft as an experiment", async ({ browser }) => {
  const run = Date.now().toString(36);
  const draftName = `plainer titles ${run}`;
  const dataset = `e2e-playground-${run}`;
  const sellerEmail = await sellerPublishes(await (await browser.newContext()).newPage(), "Hand-thrown stoneware teapot");

  // The admin finds the seller's call and opens it in the playground.
  const page = await (await browser.newContext()).newPage();
  await signInAsAdmin(page, `/console/calls?user=${encodeURIComponent(sellerEmail)}`, "Calls");
  await page.getByTestId("call-row").first().getByRole("link").first().click();
  await page.getByRole("link", { name: "Open in playground" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
  await expect(page.getByTestId("playground-source")).toContainText("published as “Hand-thrown stoneware teapot”");
  await expect(page.getByRole("img", { name: "Playground photo 1" })).toBeVisible();

  // A draft: v1's text plus one rule, saved under a name with its hash.
  const draftText = page.getByLabel("Draft text");
  await expect(draftText).toHaveValue(/You help a private person sell/);
  await draftText.fill(`${await draftText.inputValue()}\n- Keep the title under six words.`);
  await page.getByLabel("Draft name").fill(draftName);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-status")).toContainText(`Saved draft "${draftName}" (text hash `);

  // Column 1: v1 on one mock model; column 2: the draft on another.
  const columns = page.getByTestId("playground-column");
  await expect(columns).toHaveCount(2);
  await columns.nth(0).getByLabel("Prompt").selectOption({ label: "listing-prefill@1 (live)" });
  await columns.nth(0).getByLabel("Model").fill("mock:fixture");
  await columns.nth(1).getByLabel("Prompt").selectOption({ label: "Draft in the editor" });
  await columns.nth(1).getByLabel("Model").fill("mock:low-confidence");
  // A temperature no model takes is refused beside the field, before anything runs.
  await columns.nth(1).getByLabel("Temperature").fill("hot");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(columns.nth(1).getByLabel("Temperature")).toHaveAccessibleDescription(/Enter a temperature from 0 to 2/);
  await expect(columns.nth(1).getByTestId("column-result")).toHaveAttribute("data-state", "idle");
  await columns.nth(1).getByLabel("Temperature").fill("0.3");
  await page.getByRole("button", { name: "Run", exact: true }).click();

  for (const column of [0, 1]) await expect(columns.nth(column).getByTestId("column-result")).toHaveAttribute("data-state", "done");
  await expect(columns.nth(0).getByTestId("column-prompt")).toHaveText("listing-prefill@1");
  await expect(columns.nth(1).getByTestId("column-prompt")).toContainText(`draft ${draftName} (`);
  await expect(columns.nth(0).getByTestId("column-field").filter({ hasText: "Title" })).toContainText("Blue ceramic vase");
  // A mock model has no price: the cost is unknown, not zero.
  await expect(columns.nth(0).getByTestId("column-cost")).toHaveText("unknown (no price for this model)");

  // The diff: the columns disagree on the category only; the seller changed the title.
  const diff = page.getByTestId("column-diff");
  await expect(diff.locator('[data-field="category"]')).toHaveAttribute("data-differs", "true");
  await expect(diff.locator('[data-field="title"]')).toHaveAttribute("data-differs", "false");
  await expect(diff.locator('[data-field="title"]')).toContainText("Hand-thrown stoneware teapot");
  await expect(diff.locator('[data-field="title"]').getByTestId("against-published").first()).toHaveText("seller changed");
  await expect(diff.locator('[data-field="price"]').getByTestId("against-published").first()).toHaveText("as published");

  // Save column 1 as a case of a new dataset, with the title corrected.
  await columns.nth(0).locator("summary", { hasText: "Save as eval case" }).click();
  const saveCase = page.getByRole("form", { name: "Save column 1 as eval case" });
  await saveCase.getByLabel("Dataset").fill(dataset);
  await saveCase.getByLabel("Expected title").fill("Stoneware teapot");
  await saveCase.getByLabel("Keywords").fill("teapot, stoneware");
  await saveCase.getByRole("button", { name: "Save as eval case" }).click();
  await expect(saveCase.getByTestId("save-case-status")).toHaveText(new RegExp(`^Added as case playground-[0-9a-f]{16}: ${dataset} v1 now has 1 case\\.$`));
  // The same photo twice is refused beside the dataset, and the form keeps what was typed.
  await saveCase.getByRole("button", { name: "Save as eval case" }).click();
  await expect(saveCase.getByTestId("save-case-status")).toHaveText("Nothing was added.");
  await expect(saveCase).toContainText(`${dataset} v1 already holds this photo`);
  await expect(saveCase.getByLabel("Expected title")).toHaveValue("Stoneware teapot");

  // The saved draft: how to publish it (a file and a lock entry to commit), and an experiment.
  const saved = page.locator(`[data-testid="saved-draft"][data-name="${draftName}"]`);
  await saved.getByText("Publish as version 2").click();
  await expect(saved.getByTestId("publish-instructions")).toContainText("lib/ai/prompts/listing-prefill/v2.ts");
  await expect(saved.getByTestId("publish-file")).toContainText("- Keep the title under six words.");
  await expect(saved.getByTestId("publish-lock")).toHaveText(/^"listing-prefill@2": "[0-9a-f]{16}"$/);

  const experiment = saved.getByTestId("draft-experiment-form");
  await experiment.getByLabel("Dataset").selectOption("e2e-shapes");
  await experiment.getByLabel("Model").fill("mock:fixture");
  await experiment.getByRole("button", { name: "Run as experiment" }).click();
  await expect(experiment.getByTestId("draft-experiment-status")).toContainText(`Started: draft "${draftName}"`);
  await experiment.getByRole("link", { name: "See it on Experiments" }).click();
  const runRow = page.getByTestId("run-row").filter({ hasText: `draft ${draftName}` });
  await expect(runRow).toHaveCount(1);
  await expect(runRow.getByTestId("run-status")).toHaveText("done", { timeout: 30_000 });
  await expect(runRow).toContainText("e2e-shapes v1");

  // An eval case opens in the playground too, from the run's own page, with its expected answer.
  await runRow.getByRole("link").first().click();
  await expect(page.getByText("playground draft " + draftName)).toBeVisible();
  await page.getByTestId("case-row").first().getByRole("link", { name: "Open in playground" }).click();
  await expect(page.getByTestId("playground-source")).toContainText(/Case [\w-]+ of e2e-shapes v1\./);
  await expect(page.getByTestId("expected-case")).toContainText("Expected: ");
  await expect(page.getByRole("img", { name: "Playground photo 1" })).toBeVisible();

  // The playground's calls are filed under their own feature, apart from the sellers'.
  await page.goto("/console/calls?feature=playground");
  await expect(page.getByTestId("call-row").filter({ hasText: "mock:low-confidence" }).first()).toBeVisible();
});

test("a seller cannot reach the playground or run it", async ({ page }) => {
  await signUp(page, newAccount("Curious Seller"));
  expect((await page.goto("/console/playground"))?.status()).toBe(404);
  const response = await page.request.post("/api/console/playground", {
    data: { imageIds: ["00000000-0000-4000-8000-000000000000"], columns: [{ prompt: { kind: "version", ref: "listing-prefill@1" }, modelId: "mock:fixture", temperature: null }] },
  });
  expect(response.status()).toBe(404);
});
