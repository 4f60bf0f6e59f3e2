import { getSessionCookie } from "better-auth/cookies";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth";
import { safeReturnPath } from "./return-path";

export { safeReturnPath };

/** The signed-in user for this request, or null. Read once per request. */
export const getCurrentUser = cache(async () => {
  const requestHeaders = await headers();
  // Most page views are visitors with no session cookie: nothing to look up.
  if (!getSessionCookie(requestHeaders)) return null;
  const auth = await getAuth(requestHeaders);
  const session = await auth.api.getSession({ headers: requestHeaders });
  return session?.user ?? null;
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/**
 * For pages: the signed-in user, or a redirect to sign in that comes back to `returnTo`; `context`
 * (why, and which listing) lets the sign-in page say what the account is needed for.
 */
export async function requireUser(returnTo: string, context: Record<string, string> = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: safeReturnPath(returnTo), ...context }).toString()}`);
  return user;
}
