import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { signInAsAdmin as signInAsAdminAt } from "./support/admin";

const signInAsAdmin = (page: Page) => signInAsAdminAt(page, "/console/experiments", "Experiments");

// Other specs may start runs on their own datasets meanwhile: only this dataset's rows count here.
const shapeRuns = (page: Page) => page.getByTestId("run-row").filter({ hasText: "e2e-shapes v1" });

async function runExperiment(page: Page, trials: string) {
  const before = await shapeRuns(page).count();
  const form = page.getByTestId("start-run-form");
  await form.getByLabel("Dataset").selectOption("e2e-shapes");
  await form.getByLabel("Model").fill("mock:fixture");
  await form.getByLabel("Trials").fill(trials);
  await form.getByRole("button", { name: "Run experiment" }).click();
  await expect(shapeRuns(page)).toHaveCount(before + 1);
  await expect(shapeRuns(page).first().getByTestId("run-status")).toHaveText("done", { timeout: 30_000 });
}

test("the console is for admins only", async ({ page }) => {
  await page.goto("/console/experiments");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsole%2Fexperiments/);
  await signUp(page, newAccount("Curious"));
  for (const path of ["/console", "/console/experiments", "/console/prompts", "/console/datasets"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});

test("an admin runs two experiments on a generated dataset and compares them", async ({ page }) => {
  await signInAsAdmin(page);
  await runExperiment(page, "1");
  const first = shapeRuns(page).first();
  // The mock model answers "Home & Garden" for every generated photo: 1 of 4 is right.
  await expect(first).toContainText("e2e-shapes v1");
  await expect(first).toContainText("25.0%");

  await runExperiment(page, "2");
  const rows = shapeRuns(page);
  await rows.nth(1).getByRole("radio", { name: /Compare as A/ }).check();
  await rows.nth(0).getByRole("radio", { name: /Compare as B/ }).check();
  await page.getByRole("button", { name: "Compare A with B" }).click();

  await expect(page.getByRole("heading", { name: "Compare runs" })).toBeVisible();
  await expect(page.getByTestId("paired-verdict")).toHaveText("No clear difference");
  await expect(page.getByTestId("compare-row")).toHaveCount(4);
  await expect(page.getByTestId("metric-deltas")).toContainText("Category accuracy (strict)");
  await expect(page.getByRole("img", { name: "Photo of case blue-vase" })).toBeVisible();

  // A run's own page: aggregates, the confusion matrix and every case with its photo.
  await page.getByRole("link", { name: "← Experiments" }).click();
  await shapeRuns(page).first().getByRole("link").first().click();
  await expect(page.getByTestId("run-metrics")).toContainText("25.0%");
  await expect(page.getByTestId("confusion-matrix")).toBeVisible();
  await expect(page.getByTestId("case-row")).toHaveCount(4);
});

test("an admin sees prompt versions and can change and roll back what is live", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Prompts" }).click();
  await expect(page.getByTestId("live-summary")).toContainText("listing-prefill@1 with the configured model");
  await expect(page.getByTestId("prompt-text")).toContainText("You help a private person sell");

  const form = page.getByTestId("live-config-form");
  await form.getByLabel(/Live model/).fill("mock:low-confidence");
  await form.getByRole("button", { name: "Make live" }).click();
  await expect(page.getByTestId("live-summary")).toContainText("with mock:low-confidence (set in the console)");

  // Rolling back is the same one step, and both changes are in the log with who made them.
  await form.getByLabel(/Live model/).fill("");
  await form.getByRole("button", { name: "Make live" }).click();
  await expect(page.getByTestId("live-summary")).toContainText("with the configured model (set in the console)");
  await page.getByText(/Change log/).click();
  await expect(page.getByTestId("live-changes").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("live-changes")).toContainText("Console Admin set v1 with mock:low-confidence");
});
