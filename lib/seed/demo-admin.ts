import crypto from "node:crypto";
import { getAuth } from "@/lib/auth/auth";
import { getUserByEmail, setUserRoleByEmail } from "@/lib/db/queries/users";

// The console's demo admin. Its password is random, not a published one like the demo sellers':
// the demo seed also runs on a fresh production database, where a known admin password would be
// an open door. It is printed once, when the account is created.

export const DEMO_ADMIN = { name: "Demo Admin", email: "admin@example.com" };

export type Credentials = { email: string; password: string };

/** Creates the demo admin when missing and returns its credentials; null when it already exists. */
export async function ensureDemoAdmin(): Promise<Credentials | null> {
  if (await getUserByEmail(DEMO_ADMIN.email)) return null;
  const password = crypto.randomBytes(12).toString("base64url");
  const auth = await getAuth();
  await auth.api.signUpEmail({ body: { ...DEMO_ADMIN, password } });
  await setUserRoleByEmail(DEMO_ADMIN.email, "admin");
  return { email: DEMO_ADMIN.email, password };
}

export function describeDemoAdmin({ email, password }: Credentials): string {
  return `Demo console admin (shown only now): ${email} / ${password} — sign in and open /console.`;
}
