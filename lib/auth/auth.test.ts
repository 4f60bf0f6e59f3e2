import { APIError } from "better-auth/api";
import { describe, expect, it } from "vitest";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { getAuth } from "./auth";

const headers = new Headers({ "x-forwarded-for": "203.0.113.7" });

async function attemptSignIn(email: string, password: string) {
  const auth = await getAuth();
  try {
    await auth.api.signInEmail({ body: { email, password }, headers });
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

  it("limits sign-in attempts per account", async () => {
    const auth = await getAuth();
    await auth.api.signUpEmail({ body: { name: "Tadhg", email: "tadhg@example.com", password: "correct horse" }, headers });
    const outcomes = [];
    for (let i = 0; i <= RATE_LIMITS.signIn.limit; i++) outcomes.push(await attemptSignIn("tadhg@example.com", `guess ${i}`));
    expect(outcomes.slice(0, RATE_LIMITS.signIn.limit).every((outcome) => outcome === "UNAUTHORIZED")).toBe(true);
    expect(outcomes.at(-1)).toBe("TOO_MANY_REQUESTS");
    // Even the right password is refused until the window passes.
    expect(await attemptSignIn("tadhg@example.com", "correct horse")).toBe("TOO_MANY_REQUESTS");
  });
});
