import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import type pg from "pg";
import { withPgClient } from "@/lib/testing/pg-client";
import { newAccount, signUp } from "./support/accounts";
import { drawPhoto } from "./support/images";
import { choosePlace, fillListingForm, waitForSuggestion } from "./support/listings";
import { startOwnServer, type OwnServer } from "./support/own-server";
import { TcpProxy } from "./support/tcp-proxy";

// The database goes away in the middle of a seller's visit. This journey runs its own Trova on
// PostgreSQL (a throw-away database behind a relay it can cut), so it needs a server at
// 127.0.0.1:5432 (trust auth, user postgres, as CI provides); without one it is skipped.
const POSTGRES = { host: "127.0.0.1", port: 5432, user: "postgres" };

const postgres = <T>(work: (client: pg.Client) => Promise<T>) => withPgClient({ ...POSTGRES, database: "postgres", connectionTimeoutMillis: 2000 }, work);

const database = `trova_e2e_outage_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
const relay = new TcpProxy(POSTGRES.host, POSTGRES.port);
let server: OwnServer | undefined;

test.describe("when the database goes away", () => {
  test.beforeAll(async () => {
    const reachable = await postgres(() => Promise.resolve(true)).catch(() => false);
    test.skip(!reachable, `Skipped: no PostgreSQL server at ${POSTGRES.host}:${POSTGRES.port} to take away (run .ci/run, or start one).`);
    await postgres((client) => client.query(`create database ${database}`));
    await relay.start();
    server = await startOwnServer({ DATABASE_URL: `postgres://${POSTGRES.user}@127.0.0.1:${relay.port}/${database}` });
  });

  test.afterAll(async () => {
    await server?.stop();
    await relay.stop();
    await postgres((client) => client.query(`drop database if exists ${database} with (force)`)).catch(() => undefined);
  });

  test("pages say Trova is temporarily unavailable, a publish keeps the form, and Trova recovers without a restart", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: server!.url });
    const sellPage = await context.newPage();
    await signUp(sellPage, newAccount("Orla"));
    await sellPage.goto("/sell");
    await sellPage.getByTestId("photo-input").setInputFiles(await drawPhoto("lamp.jpg", { r: 220, g: 180, b: 60 }));
    await expect(sellPage.getByTestId("photo-thumb")).toHaveCount(1);
    await waitForSuggestion(sellPage);
    const title = `Brass desk lamp ${Date.now()}`;
    await fillListingForm(sellPage, { title, description: "Works, new bulb.", category: "Home & Garden", condition: "Good", price: "35" });

    // The outage: new connections are refused and open ones break.
    await relay.stop();
    await choosePlace(sellPage);
    await sellPage.getByRole("button", { name: "Publish listing" }).click();
    const refusal = sellPage.getByTestId("listing-form").getByRole("alert");
    await expect(refusal).toContainText("temporarily unavailable");
    await expect(refusal).toContainText("Everything you entered is still here");
    await expect(sellPage.getByLabel("Title")).toHaveValue(title);
    await expect(sellPage.getByLabel("Price (EUR)")).toHaveValue("35");
    await expect(sellPage.getByTestId("photo-thumb")).toHaveCount(1);

    // Any page: a calm explanation, never a stack trace or the database's error.
    const visitor = await context.newPage();
    const response = await visitor.goto("/");
    expect(response!.status()).toBeGreaterThanOrEqual(500);
    await expect(visitor.getByRole("heading", { name: "Trova is temporarily unavailable" })).toBeVisible();
    const text = await visitor.locator("body").innerText();
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|\n\s+at /i);
    expect((await response!.text())).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:\d+/);
    expect((await visitor.request.get("/api/health")).status()).toBe(503);

    // The database returns: the same server process picks up again, and the open page reloads itself.
    await relay.start();
    await expect(visitor.getByRole("heading", { name: "Latest listings" })).toBeVisible({ timeout: 20_000 });
    await choosePlace(sellPage);
    await sellPage.getByRole("button", { name: "Publish listing" }).click();
    await sellPage.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
    await expect(sellPage.getByRole("heading", { level: 1, name: title })).toBeVisible();

    // Published once: the failed attempt left no half listing behind.
    await sellPage.goto("/my-listings");
    await expect(sellPage.getByTestId("my-listing-row").filter({ hasText: title })).toHaveCount(1);
    await context.close();
  });
});
