import { redirect } from "next/navigation";

// The console opens on the experiments until the monitoring dashboard takes this place.
export default function ConsoleHome() {
  redirect("/console/experiments");
}
