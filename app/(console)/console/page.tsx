import { redirect } from "next/navigation";
import { requireAdminPage } from "@/lib/auth/admin";

// The console opens on the experiments until the monitoring dashboard takes this place.
export default async function ConsoleHome() {
  await requireAdminPage("/console");
  redirect("/console/experiments");
}
