import { expect, type Page } from "@playwright/test";
import { newAccount, signUp } from "./accounts";
import { drawPhoto } from "./images";

export type ListingInput = { title: string; description: string; category: string; condition: string; price: string; place?: string };

/** Fills the listing form (on /sell or an edit page). */
export async function fillListingForm(page: Page, listing: Partial<ListingInput>) {
  if (listing.title !== undefined) await page.getByLabel("Title").fill(listing.title);
  if (listing.description !== undefined) await page.getByLabel("Description").fill(listing.description);
  if (listing.category) await page.getByLabel("Category").selectOption(listing.category);
  if (listing.condition) await page.getByLabel("Condition").selectOption({ label: listing.condition });
  if (listing.price !== undefined) await page.getByLabel("Price (EUR)").fill(listing.price);
  if (listing.place !== undefined) await page.getByLabel("Where is it?").fill(listing.place);
}

/**
 * Every listing has a place; a new account has no default one yet. Types `place` into the field
 * when it is still empty (a seller with a default place keeps theirs), before publishing.
 */
export async function choosePlace(page: Page, place = "Dublin") {
  const field = page.getByLabel("Where is it?");
  if ((await field.inputValue()) === "") await field.fill(place);
}

export async function addPhotos(page: Page, count: number) {
  const colours = [
    { r: 200, g: 60, b: 50 },
    { r: 40, g: 120, b: 200 },
    { r: 60, g: 170, b: 90 },
  ];
  const files = await Promise.all(Array.from({ length: count }, (_, i) => drawPhoto(`photo-${i + 1}.jpg`, colours[i % colours.length])));
  await page.getByTestId("photo-input").setInputFiles(files);
  await expect(page.getByTestId("photo-thumb")).toHaveCount(count);
}

/** On /sell the first photo starts a suggestion; this waits until it has filled the form or given up. */
export async function waitForSuggestion(page: Page) {
  await expect(page.getByTestId("prefill-status")).toHaveAttribute("data-state", /^(done|failed)$/);
}

/** Publishes a listing with photos through /sell, typed over any suggestion, and returns its id, read from the URL. */
export async function publishListing(page: Page, listing: ListingInput, photos = 1): Promise<string> {
  await page.goto("/sell");
  await addPhotos(page, photos);
  await waitForSuggestion(page);
  await fillListingForm(page, listing);
  await choosePlace(page);
  await page.getByRole("button", { name: "Publish listing" }).click();
  await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

/** A new seller on /sell; `mockModel` picks a scripted mock-model answer (the e2e server's cookie). */
export async function startSelling(page: Page, name: string, mockModel?: string) {
  if (mockModel) await page.context().addCookies([{ name: "trova-mock-model", value: mockModel, domain: "localhost", path: "/" }]);
  await signUp(page, newAccount(name));
  await page.goto("/sell");
}
