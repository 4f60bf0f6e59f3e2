import { sql } from "drizzle-orm";
import { getDatabaseHandle } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** For load balancers and test harnesses: 200 when the database answers, 503 otherwise. */
export async function GET() {
  try {
    const handle = await getDatabaseHandle();
    await handle.db.execute(sql`select 1`);
    return Response.json({ ok: true, database: handle.kind });
  } catch (error) {
    console.error("[health] database check failed:", error);
    return Response.json({ ok: false, database: "unavailable" }, { status: 503 });
  }
}
