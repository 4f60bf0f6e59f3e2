import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { newAccount, signIn, signUp } from "./support/accounts";
import { drawPhoto } from "./support/images";
import { startOwnServer } from "./support/own-server";

// Sign-in and sign-up as a careless user and as an attacker would use them: every outcome is a
// sentence on the form with the fields kept, return paths never leave the site, guesses from
// many addresses do not lock the owner out, and photos not on a listing stay private.

const NO_MATCH = "That email and password don't match an account. Check both and try again.";
const EMAIL_UNAVAILABLE = "That email can't be used for a new account. If you already have one, sign in instead.";

let nextAddress = 10;
/** A browser context with an address of its own (the e2e server believes one proxy hop). */
function contextFrom(browser: Browser) {
  nextAddress += 1;
  return browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${nextAddress}` } });
}

test("a wrong password and an unknown email read the same, on the form, with the email kept", async ({ browser }) => {
  const owner = newAccount("Orla");
  const ownerContext = await contextFrom(browser);
  await signUp(await ownerContext.newPage(), owner);
  await ownerContext.close();

  const context = await contextFrom(browser);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await signIn(page, { ...owner, password: "not her password" });
  await expect(page.getByText(NO_MATCH)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(owner.email);
  await expect(page.getByRole("heading", { name: "Sign in to Trova" })).toBeVisible();

  await signIn(page, { ...owner, email: `nobody.${Date.now()}@example.com` });
  await expect(page.getByText(NO_MATCH)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(/^nobody\./);
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await context.close();
});

test("signing up with a taken email says so on the field, keeps what was typed, and offers sign-in", async ({ browser }) => {
  const owner = newAccount("Fionn");
  const ownerContext = await contextFrom(browser);
  await signUp(await ownerContext.newPage(), owner);
  await ownerContext.close();

  const context = await contextFrom(browser);
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Someone Else");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill("another password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(EMAIL_UNAVAILABLE)).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue("Someone Else");
  await expect(page.getByLabel("Email")).toHaveValue(owner.email);
  await expect(page.locator("#main").getByRole("link", { name: "Sign in" })).toBeVisible();
  await context.close();
});

test("guessing is stopped with a time to wait, and the owner still signs in from her own browser", async ({ browser }) => {
  const owner = newAccount("Siobhan");
  const ownerContext = await contextFrom(browser);
  const ownerPage = await ownerContext.newPage();
  await signUp(ownerPage, owner);
  await ownerContext.clearCookies({ name: /session/ });

  const stranger = await contextFrom(browser);
  const page = await stranger.newPage();
  await page.goto("/sign-in");
  for (let guess = 1; guess <= 10; guess++) {
    await signIn(page, { ...owner, password: `guess number ${guess}` });
    await expect(page.getByText(NO_MATCH)).toBeVisible();
    // The form is ready again before the next guess.
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await signIn(page, owner);
  await expect(page.getByText(/^Too many sign-in attempts\. Try again in \d+ seconds?\.$/)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(owner.email);
  await stranger.close();

  // Her own browser kept its known-device cookie when the session ended.
  await ownerPage.goto("/sign-in");
  await signIn(ownerPage, owner);
  await expect(ownerPage.getByTestId("signed-in-as")).toHaveText(owner.name);
  await ownerContext.close();
});

test("return paths never leave the site, on sign-in, sign-up and when already signed in", async ({ browser, request }) => {
  const hostile = ["/%09/evil.example", "/%0a/x", "//evil.example", "/%5Cevil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/%2f%2fevil.example"];
  for (const form of ["/sign-in", "/sign-up"]) {
    for (const next of hostile) {
      const response = await request.get(`${form}?next=${next.startsWith("/%") ? next : encodeURIComponent(next)}`, { maxRedirects: 0 });
      expect(response.status(), `${form}?next=${next}`).toBe(200);
      // The form carries the path it will follow: the home page.
      expect(await response.text()).toContain('name="next" value="/"');
    }
  }

  const account = newAccount("Cian");
  const context = await contextFrom(browser);
  const page = await context.newPage();
  await page.goto("/sign-up?next=%2F%09%2Fevil.example");
  await page.getByLabel("Display name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(account.name);
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);

  // Signed in, the forms send her on at once: to the path if it is this site's, home otherwise.
  for (const next of ["/%09/evil.example", "/%0a/x", "//evil.example"]) {
    const response = await context.request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
    expect(response.status(), next).toBeGreaterThanOrEqual(300);
    expect(response.status(), next).toBeLessThan(400);
    expect(response.headers().location, next).toBe("/");
  }
  const onSite = await context.request.get("/sign-up?next=%2Fmy-listings", { maxRedirects: 0 });
  expect(onSite.headers().location).toBe("/my-listings");
  await context.close();
});

test("an unpublished photo is its owner's alone, and never kept by a cache", async ({ browser, request }) => {
  const context = await contextFrom(browser);
  const page = await context.newPage();
  await signUp(page, newAccount("Aoife"));
  await page.goto("/sell");
  await page.getByTestId("photo-input").setInputFiles(await drawPhoto("lamp.jpg", { r: 200, g: 160, b: 60 }));
  const thumb = page.getByTestId("photo-thumb").getByRole("img");
  await expect(thumb).toBeVisible();
  const src = (await thumb.getAttribute("src"))!;

  const own = await context.request.get(src);
  expect(own.status()).toBe(200);
  expect(own.headers()["cache-control"]).toBe("private, no-store");
  const strangers = await request.get(src);
  expect(strangers.status()).toBe(404);
  await context.close();
});

test("over HTTPS (as the proxy says), cookies are Secure and pages carry HSTS; over http neither", async ({ request, playwright }) => {
  const overHttps = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.90" } });
  const page = await overHttps.get("/");
  expect(page.headers()["strict-transport-security"]).toBe("max-age=63072000");
  const account = newAccount("Ronan");
  const signedUp = await overHttps.post("/api/auth/sign-up/email", { data: account, headers: { origin: test.info().project.use.baseURL! } });
  expect(signedUp.status()).toBe(200);
  const cookies = signedUp.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) expect(cookie.value, cookie.value.split("=")[0]).toMatch(/;\s*Secure/i);
  await overHttps.dispose();

  const plain = await request.get("/");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const plainSignUp = await request.post("/api/auth/sign-up/email", { data: newAccount("Plain"), headers: { origin: test.info().project.use.baseURL!, "x-forwarded-for": "203.0.113.91" } });
  for (const header of plainSignUp.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie")) expect(header.value).not.toMatch(/;\s*Secure/i);
});

test("a server action body over the 16 MB cap is answered 413, not 500", async () => {
  const url = new URL("/sell", test.info().project.use.baseURL);
  const status = await new Promise<number>((resolve, reject) => {
    const outgoing = http.request(url, {
      method: "POST",
      headers: { "next-action": "0".repeat(42), "content-type": "multipart/form-data; boundary=x", "content-length": String(18 * 1024 * 1024), origin: url.origin },
    });
    outgoing.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on("error", reject);
    // The whole body, as a browser sends it (Next.js reads up to 10 MB of it before the proxy answers).
    outgoing.end(Buffer.alloc(18 * 1024 * 1024, 0x61));
  });
  expect(status).toBe(413);
});

test("health says why while the embedded database is held by another process, and recovers when it lets go", async () => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trova-locked-"));
  fs.mkdirSync(path.join(dataDir, "pglite"), { recursive: true });
  // A live Node.js process holds the lock, as a second Trova would.
  const holder = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
  await new Promise((resolve) => holder.once("spawn", resolve));
  const startTime = fs.readFileSync(`/proc/${holder.pid}/stat`, "utf8").split(") ")[1]?.split(" ")[19];
  fs.writeFileSync(path.join(dataDir, "pglite.lock"), JSON.stringify({ pid: holder.pid, command: "next start", startTime }));
  const server = await startOwnServer({}, { dataDir, ready: "answering" });
  try {
    const locked = await fetch(`${server.url}/api/health`);
    expect(locked.status).toBe(503);
    expect(await locked.json()).toEqual({ ok: false, database: "unavailable", reason: "The embedded database is open in another process." });
    holder.kill();
    await expect.poll(async () => (await fetch(`${server.url}/api/health`)).status, { timeout: 30_000 }).toBe(200);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  } finally {
    holder.kill();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("a stale lock whose pid now runs something else is taken over at start", async () => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trova-stale-"));
  fs.mkdirSync(path.join(dataDir, "pglite"), { recursive: true });
  const unrelated = spawn("sleep", ["60"]);
  await new Promise((resolve) => unrelated.once("spawn", resolve));
  fs.writeFileSync(path.join(dataDir, "pglite.lock"), JSON.stringify({ pid: unrelated.pid, command: "next start" }));
  const server = await startOwnServer({}, { dataDir });
  try {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  } finally {
    unrelated.kill();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
