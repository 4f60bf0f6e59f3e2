import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { newAccount, signUp, type TestAccount } from "./support/accounts";
import { signInAsAdmin } from "./support/admin";
import { drawPhoto } from "./support/images";
import { choosePlace, waitForSuggestion } from "./support/listings";
import { serverActionsIn } from "@/lib/bench/server-actions";

// The e2e server runs the mock model (playwright.config.ts): a drawn photo gets the default
// fixture answer, and the trova-mock-model cookie scripts a failure instead.

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** A new seller who has added a photo on /sell; `mockModel` scripts the model's answer. */
async function sellerWithPhoto(browser: Browser, name: string, mockModel?: string): Promise<{ page: Page; account: TestAccount }> {
  const page = await newPage(browser);
  if (mockModel) await page.context().addCookies([{ name: "trova-mock-model", value: mockModel, domain: "localhost", path: "/" }]);
  const account = newAccount(name);
  await signUp(page, account);
  await page.goto("/sell");
  await page.getByTestId("photo-input").setInputFiles(await drawPhoto("vase.jpg", { r: 40, g: 90, b: 190 }));
  await expect(page.getByTestId("photo-thumb")).toHaveCount(1);
  return { page, account };
}

/** The admin's Calls page filtered to one seller, once their call has been recorded (it is written just after the answer). */
async function openSellersCalls(admin: Page, email: string, count = 1) {
  await signInAsAdmin(admin, `/console/calls?user=${encodeURIComponent(email)}`, "Calls");
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByTestId("call-row")).toHaveCount(count, { timeout: 1000 });
  }).toPass();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function loaded(image: Locator) {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
}

test("a pre-fill through the mock model appears in Calls with its photo, prompt version and what the seller changed", async ({ browser }) => {
  const { page: seller, account } = await sellerWithPhoto(browser, "Orla");
  await waitForSuggestion(seller);
  await expect(seller.getByLabel("Title")).toHaveValue("Blue ceramic vase");
  await seller.getByLabel("Title").fill("Blue ceramic vase, hand-thrown");
  await choosePlace(seller);
  await seller.getByRole("button", { name: "Publish listing" }).click();
  await seller.waitForURL(/\/listings\/[0-9a-f-]{36}$/);

  const admin = await newPage(browser);
  await openSellersCalls(admin, account.email);
  const row = admin.getByTestId("call-row");
  await expect(row.getByTestId("call-status")).toHaveText("ok");
  await expect(row).toContainText("Blue ceramic vase");
  await expect(row).toContainText("listing-prefill@1");
  await expect(row).toContainText(/mock:[\w-]+/);
  await loaded(row.locator("img"));

  await row.getByRole("link").first().click();
  await expect(admin.getByRole("heading", { level: 1, name: /^Call / })).toBeVisible();
  await loaded(admin.getByRole("img", { name: "Input photo 1" }));
  await expect(admin.getByTestId("raw-output")).toContainText('"title":"Blue ceramic vase"');
  await expect(admin.getByTestId("parsed-output")).toContainText('"category": "Home & Garden"');
  await expect(admin.getByTestId("call-figures")).toContainText("Tokens in / out");
  // The published listing beside the suggestion: the title was changed, the rest kept.
  const diff = admin.getByTestId("field-diff");
  await expect(diff.locator('[data-field="title"]').getByTestId("field-outcome")).toHaveText("changed");
  await expect(diff.locator('[data-field="category"]').getByTestId("field-outcome")).toHaveText("kept");
  await expect(diff.locator('[data-field="price"]').getByTestId("field-outcome")).toHaveText("kept");
  await expect(admin.getByTestId("implicit-feedback")).toContainText("category kept");

  await admin.getByTestId("prompt-link").click();
  await expect(admin.getByRole("heading", { level: 2, name: "Text of v1" })).toBeVisible();
  await expect(admin.getByTestId("prompt-text")).toContainText("You help a private person sell");
});

test("a thumbs-down with its reason appears in Feedback, linked to its call", async ({ browser }) => {
  const { page: seller, account } = await sellerWithPhoto(browser, "Cathal");
  await waitForSuggestion(seller);
  const reason = `The price is far too low for this vase (${Date.now()}).`;
  await seller.getByRole("button", { name: "No, not helpful" }).click();
  await seller.getByLabel("What was wrong? (optional)").fill(reason);
  await seller.getByRole("button", { name: "Send reason" }).click();
  await expect(seller.getByTestId("feedback-status")).toHaveText("Thanks: your reason was saved.");

  const admin = await newPage(browser);
  await signInAsAdmin(admin, "/console/feedback", "Feedback");
  const item = admin.getByTestId("feedback-item").filter({ hasText: reason });
  await expect(item).toBeVisible();
  await expect(item).toContainText(account.email);
  await expect(item).toContainText("Blue ceramic vase");
  await item.getByRole("link", { name: "View call" }).click();
  await expect(admin.getByTestId("call-feedback")).toContainText(reason);
  await expect(admin.getByTestId("call-feedback")).toContainText("Not helpful");
});

test("a scripted provider error raises the error rate on Monitoring", async ({ browser }) => {
  const admin = await newPage(browser);
  await signInAsAdmin(admin, "/console/monitoring?range=hour&split=model", "Monitoring");
  const errorModel = admin.locator('[data-testid="split-row"][data-key="mock:error"]');
  const all = admin.locator('[data-testid="split-row"][data-key="All"]');
  const callsOf = async (row: Locator) => ((await row.count()) === 0 ? 0 : Number((await row.locator('[data-column="Calls"]').textContent())!.replace(/\D/g, "")));
  const errorsOf = async (row: Locator) => {
    if ((await row.count()) === 0) return 0;
    const rate = Number.parseFloat((await row.locator('[data-column="Errors"]').textContent())!) / 100;
    return Math.round(rate * (await callsOf(row)));
  };
  const before = { errorModelCalls: await callsOf(errorModel), errors: await errorsOf(all) };

  const { page: seller } = await sellerWithPhoto(browser, "Eoin", "mock:error");
  await expect(seller.getByTestId("prefill-message")).toHaveText(/couldn't read your photo/);

  await expect(async () => {
    await admin.reload();
    expect(await callsOf(errorModel)).toBeGreaterThan(before.errorModelCalls);
  }).toPass();
  expect(await errorsOf(all)).toBeGreaterThan(before.errors);
  await expect(errorModel.locator('[data-column="Errors"]')).toHaveText("100.0%");
  await expect(admin.getByTestId("figure-error-rate").locator("dd")).not.toHaveText("0.0%");
  // Past the 5% threshold: shown in red at the top.
  await expect(admin.getByTestId("alert").filter({ hasText: "mock:error: Error rate 100.0% is above the threshold" })).toBeVisible();
  await expect(errorModel.locator('[data-column="Errors"]')).toHaveClass(/text-red-700/);
});

test("someone without the admin role can open no console page and call no console action", async ({ browser, baseURL }) => {
  // A real call to ask for: the seller's own pre-fill.
  const { page: seller, account } = await sellerWithPhoto(browser, "Aisling");
  await waitForSuggestion(seller);
  const admin = await newPage(browser);
  await openSellersCalls(admin, account.email);
  const callPath = (await admin.getByTestId("call-row").getByRole("link").first().getAttribute("href"))!;
  expect(callPath).toMatch(/^\/console\/calls\/[0-9a-f-]{36}$/);

  const pages = ["/console", "/console/monitoring", "/console/calls", callPath, "/console/feedback", "/console/experiments", "/console/datasets", "/console/prompts"];
  const visitor = await newPage(browser);
  for (const path of pages) {
    await visitor.goto(path);
    await expect(visitor, path).toHaveURL(new RegExp(`/sign-in\\?next=${escapeRegExp(encodeURIComponent(path))}$`));
    expect((await seller.goto(path))?.status(), path).toBe(404);
  }

  // Every server action under app/(console), called directly as each of them.
  const actions = serverActionsIn("app/(console)/");
  expect(actions.map((action) => action.name)).toEqual(expect.arrayContaining(["saveMonitoringThresholds", "setLivePrompt", "startExperiment"]));
  for (const [who, page] of [["signed out", visitor], ["seller", seller]] as const) {
    for (const action of actions) {
      const response = await page.request.post(action.pagePath, {
        headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseURL! },
        data: "[]",
      });
      expect(await response.text(), `${action.name} (${action.file}) as ${who}`).toContain('"error":"Not found."');
    }
  }
});
