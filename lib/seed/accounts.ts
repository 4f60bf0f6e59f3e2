import { getAuth } from "@/lib/auth/auth";
import { getUserIdsByEmail } from "@/lib/db/queries/seed";

/**
 * The user ids of these accounts, created through better-auth when missing so that they can
 * sign in with `password`. Same order as `accounts`.
 */
export async function ensureAccounts(accounts: readonly { name: string; email: string }[], password: string): Promise<string[]> {
  const existing = await getUserIdsByEmail(accounts.map((account) => account.email));
  const auth = await getAuth();
  const ids: string[] = [];
  // One at a time: password hashing is deliberately slow and CPU-bound.
  for (const { name, email } of accounts) {
    const id = existing.get(email) ?? (await auth.api.signUpEmail({ body: { name, email, password } })).user.id;
    ids.push(id);
  }
  return ids;
}
