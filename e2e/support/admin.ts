import { expect, type Page } from "@playwright/test";

// The console admin that scripts/e2e-setup.ts creates before the e2e server starts.
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password", name: "Console Admin" };
// A moderator who is not an admin: the moderation queue only.
export const E2E_MODERATOR = { email: "moderator@e2e.test", password: "e2e-moderator-password", name: "Queue Moderator" };

/** Signs in as the console admin and lands on `path` (a console page with an h1 `heading`). */
export async function signInAsAdmin(page: Page, path: string, heading: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}
