import { expect, type Page } from "@playwright/test";

export type TestAccount = { name: string; email: string; password: string };

let counter = 0;

/** A fresh account for one test: unique per run and per worker, so tests never share state. */
export function newAccount(name: string): TestAccount {
  counter += 1;
  const unique = `${Date.now().toString(36)}${process.pid}${counter}`;
  return { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${unique}@example.com`, password: "e2e-password-1" };
}

export async function signUp(page: Page, account: TestAccount): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(account.name);
}

export async function signIn(page: Page, account: TestAccount): Promise<void> {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
