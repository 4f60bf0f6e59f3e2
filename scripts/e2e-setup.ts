// Prepares the end-to-end test database before the server starts (PGlite allows one process at
// a time): an admin account for the console, a moderator, and a generated evaluation dataset.
import { getAuth } from "@/lib/auth/auth";
import { closeDb } from "@/lib/db/client";
import { getUserByEmail, setUserRoleByEmail } from "@/lib/db/queries/users";
import { importFolderDataset } from "@/lib/evals/dataset-store";
import { writeGeneratedDataset } from "@/lib/testing/eval-dataset";
import { E2E_ADMIN, E2E_MODERATOR } from "../e2e/support/admin";

for (const [account, role] of [[E2E_ADMIN, "admin"], [E2E_MODERATOR, "moderator"]] as const) {
  if (!(await getUserByEmail(account.email))) {
    const auth = await getAuth();
    await auth.api.signUpEmail({ body: account });
  }
  await setUserRoleByEmail(account.email, role);
}
const imported = await importFolderDataset(await writeGeneratedDataset(), "e2e-shapes");
console.log(`e2e set-up: admin ${E2E_ADMIN.email}, moderator ${E2E_MODERATOR.email}, dataset ${imported.name} v${imported.version}`);
await closeDb();
