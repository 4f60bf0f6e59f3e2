// Prepares the end-to-end test database before the server starts (PGlite allows one process at
// a time): an admin account for the console and a generated evaluation dataset.
import { getAuth } from "@/lib/auth/auth";
import { closeDb } from "@/lib/db/client";
import { getUserByEmail, setUserRoleByEmail } from "@/lib/db/queries/users";
import { importFolderDataset } from "@/lib/evals/dataset-store";
import { writeGeneratedDataset } from "@/lib/testing/eval-dataset";
import { E2E_ADMIN } from "../e2e/support/admin";

if (!(await getUserByEmail(E2E_ADMIN.email))) {
  const auth = await getAuth();
  await auth.api.signUpEmail({ body: E2E_ADMIN });
}
await setUserRoleByEmail(E2E_ADMIN.email, "admin");
const imported = await importFolderDataset(await writeGeneratedDataset(), "e2e-shapes");
console.log(`e2e set-up: admin ${E2E_ADMIN.email}, dataset ${imported.name} v${imported.version}`);
await closeDb();
