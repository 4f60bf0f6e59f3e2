import { APIError, isAPIError } from "better-auth/api";
import { describe, expect, it } from "vitest";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/rate-limit";
import { getAuth } from "./auth";
import { KNOWN_DEVICE_COOKIE, knownDeviceToken } from "./known-device";

const headers = new Headers({ "x-forwarded-for": "203.0.113.7" });

async function attemptSignIn(email: string, password: string, from: Headers = headers) {
  const auth = await getAuth();
  try {
    await auth.api.signInEmail({ body: { email, password }, headers: from });
    return "signed-in";
  } catch (error) {
    if (error instanceof APIError) return error.status;
    throw error;
  }
}

describe("accounts", () => {
  it("signs up with a display name and signs in with email and password", async () => {
    const auth = await getAuth();
    const created = await auth.api.signUpEmail({
      body: { name: "Maeve", email: "maeve@example.com", password: "correct horse" },
      headers,
    });
    expect(created.user.name).toBe("Maeve");
    expect(await attemptSignIn("maeve@example.com", "correct horse")).toBe("signed-in");
    expect(await attemptSignIn("maeve@example.com", "wrong password")).toBe("UNAUTHORIZED");
  });

  it("limits sign-in attempts per account from one address", async () => {
    const auth = await getAuth();
    await auth.api.signUpEmail({ body: { name: "Tadhg", email: "tadhg@example.com", password: "correct horse" }, headers });
    const outcomes = [];
    for (let i = 0; i <= RATE_LIMITS.signIn.limit; i++) outcomes.push(await attemptSignIn("tadhg@example.com", `guess ${i}`));
    expect(outcomes.slice(0, RATE_LIMITS.signIn.limit).every((outcome) => outcome === "UNAUTHORIZED")).toBe(true);
    expect(outcomes.at(-1)).toBe("TOO_MANY_REQUESTS");
    // Even the right password is refused until the window passes.
    expect(await attemptSignIn("tadhg@example.com", "correct horse")).toBe("TOO_MANY_REQUESTS");
  });

  it("counts only guesses against an account from one address: signing in often is never refused", async () => {
    const auth = await getAuth();
    const from = new Headers({ "x-forwarded-for": "203.0.113.33" });
    await auth.api.signUpEmail({ body: { name: "Orla", email: "orla@example.com", password: "correct horse" }, headers: from });
    // More sign-ins than the limit, each after a few wrong tries: every right password gets in.
    for (let i = 0; i <= RATE_LIMITS.signIn.limit; i++) {
      expect(await attemptSignIn("orla@example.com", `typo ${i}`, from)).toBe("UNAUTHORIZED");
      expect(await attemptSignIn("orla@example.com", "correct horse", from)).toBe("signed-in");
    }
    // Wrong tries in a row are still stopped at the limit.
    for (let i = 0; i < RATE_LIMITS.signIn.limit; i++) expect(await attemptSignIn("orla@example.com", `guess ${i}`, from)).toBe("UNAUTHORIZED");
    expect(await attemptSignIn("orla@example.com", "correct horse", from)).toBe("TOO_MANY_REQUESTS");
  });

  it("does not let a stranger lock the owner out", async () => {
    const auth = await getAuth();
    const owner = new Headers({ "x-forwarded-for": "203.0.113.20" });
    await auth.api.signUpEmail({ body: { name: "Nuala", email: "nuala@example.com", password: "correct horse" }, headers: owner });
    // The owner signs in once on her own browser, which then carries its known-device cookie.
    const { headers: signedIn } = await auth.api.signInEmail({ body: { email: "nuala@example.com", password: "correct horse" }, headers: owner, returnHeaders: true });
    const deviceCookie = signedIn.getSetCookie().find((line) => line.startsWith(`${KNOWN_DEVICE_COOKIE}=`))?.split(";")[0];
    expect(deviceCookie).toBeDefined();

    // A stranger guesses from one address until refused, then from many more (rotating
    // X-Forwarded-For on a server without a proxy) until the account-wide limit is spent too.
    const stranger = (index: number) => new Headers({ "x-forwarded-for": `198.51.100.${index}` });
    for (let i = 0; i <= RATE_LIMITS.signIn.limit; i++) await attemptSignIn("nuala@example.com", `guess ${i}`, stranger(1));
    expect(await attemptSignIn("nuala@example.com", "correct horse", stranger(1))).toBe("TOO_MANY_REQUESTS");
    // The rest of the account-wide allowance, counted directly (each real guess costs a password hash).
    for (let i = RATE_LIMITS.signIn.limit + 2; i < RATE_LIMITS.signInPerAccount.limit; i++) {
      await consumeRateLimit("sign-in:account:nuala@example.com", RATE_LIMITS.signInPerAccount);
    }
    expect(await attemptSignIn("nuala@example.com", "guess from a fresh address", stranger(2))).toBe("UNAUTHORIZED");
    expect(await attemptSignIn("nuala@example.com", "correct horse", stranger(3))).toBe("TOO_MANY_REQUESTS");

    // The owner, from her own browser and address, still gets in; so she does from a new address.
    const ownBrowser = (ip: string) => new Headers({ "x-forwarded-for": ip, cookie: deviceCookie! });
    expect(await attemptSignIn("nuala@example.com", "correct horse", ownBrowser("203.0.113.20"))).toBe("signed-in");
    expect(await attemptSignIn("nuala@example.com", "correct horse", ownBrowser("192.0.2.44"))).toBe("signed-in");
    // A device cookie for another account does not help with this one.
    const forged = new Headers({ "x-forwarded-for": "198.51.100.9", cookie: `${KNOWN_DEVICE_COOKIE}=${knownDeviceToken("someone@example.com", "x")}` });
    expect(await attemptSignIn("nuala@example.com", "correct horse", forged)).toBe("TOO_MANY_REQUESTS");
  });

  it("limits new accounts per address", async () => {
    const auth = await getAuth();
    const from = new Headers({ "x-forwarded-for": "203.0.113.77" });
    const outcomes = [];
    for (let i = 0; i <= RATE_LIMITS.signUpPerIp.limit; i++) {
      try {
        await auth.api.signUpEmail({ body: { name: `Sock ${i}`, email: `sock-${i}@example.com`, password: "correct horse" }, headers: from });
        outcomes.push("created");
      } catch (error) {
        outcomes.push(isAPIError(error) ? error.message : String(error));
      }
    }
    expect(outcomes.slice(0, -1).every((outcome) => outcome === "created")).toBe(true);
    expect(outcomes.at(-1)).toMatch(/^Too many new accounts from your network\. Try again in \d+ minutes\.$/);
    // Another address is not held back.
    await auth.api.signUpEmail({ body: { name: "Neighbour", email: "neighbour@example.com", password: "correct horse" }, headers: new Headers({ "x-forwarded-for": "203.0.113.78" }) });
  });
});
