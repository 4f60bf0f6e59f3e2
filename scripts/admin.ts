// Grants the console's admin role, or the moderator role (the moderation queue only):
//   npm run admin -- --email someone@example.com
//   npm run admin -- --email someone@example.com --role moderator
//   npm run admin -- --email someone@example.com --revoke
// With --create --name N --password P, an account that does not exist yet is created first.
import { parseArgs } from "node:util";
import { getAuth } from "@/lib/auth/auth";
import { closeDb } from "@/lib/db/client";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { getUserByEmail, setUserRoleByEmail } from "@/lib/db/queries/users";

const USAGE = "Usage: npm run admin -- --email <email> [--role admin|moderator] [--revoke] [--create --name <display name> --password <password>]";
const ROLES = ["admin", "moderator"] as const;

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string", default: "admin" },
    revoke: { type: "boolean", default: false },
    create: { type: "boolean", default: false },
    name: { type: "string" },
    password: { type: "string" },
  },
});
const granted = ROLES.find((role) => role === values.role);
if (!values.email || !granted) {
  console.error(USAGE);
  process.exit(1);
}

try {
  if (values.create && !(await getUserByEmail(values.email))) {
    if (!values.name || !values.password) throw new Error(`--create needs --name and --password.\n${USAGE}`);
    const auth = await getAuth();
    await auth.api.signUpEmail({ body: { email: values.email, name: values.name, password: values.password } });
    console.log(`Created the account ${values.email}.`);
  }
  const role = values.revoke ? "user" : granted;
  if (!(await setUserRoleByEmail(values.email, role))) {
    console.error(`No account uses ${values.email}. Sign up first, or pass --create --name --password.`);
    process.exitCode = 1;
  } else {
    console.log(
      values.revoke
        ? `${values.email} is no longer an admin or moderator.`
        : role === "admin"
          ? `${values.email} is now an admin: the console is at /console.`
          : `${values.email} is now a moderator: the queue is at /console/moderation.`,
    );
  }
  await closeDb();
} catch (error) {
  console.error(error instanceof DataDirLockedError || error instanceof Error ? error.message : error);
  process.exit(1);
}
