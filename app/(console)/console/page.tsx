import { redirect } from "next/navigation";
import { requireAdminPage } from "@/lib/auth/admin";

// The console opens on the monitoring dashboard.
export default async function ConsoleHome() {
  await requireAdminPage("/console");
  redirect("/console/monitoring");
}
