import { describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { getUserByEmail } from "@/lib/db/queries/users";
import { DEMO_ADMIN, describeDemoAdmin, ensureDemoAdmin } from "./demo-admin";

describe("the demo admin", () => {
  it("is created once with a random password, which is handed back only then", async () => {
    const credentials = await ensureDemoAdmin();
    expect(credentials).toEqual({ email: DEMO_ADMIN.email, password: expect.stringMatching(/^[\w-]{16}$/) });
    expect(await getUserByEmail(DEMO_ADMIN.email)).toMatchObject({ role: "admin" });
    expect(describeDemoAdmin(credentials!)).toContain(credentials!.password);

    const auth = await getAuth();
    const signedIn = await auth.api.signInEmail({ body: { email: credentials!.email, password: credentials!.password }, headers: new Headers({ "x-forwarded-for": "203.0.113.9" }) });
    expect(signedIn.user.email).toBe(DEMO_ADMIN.email);

    expect(await ensureDemoAdmin()).toBeNull();
  });
});
