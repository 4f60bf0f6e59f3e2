import { sql } from "drizzle-orm";
import { getDatabaseHandle } from "@/lib/db/client";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";

export const dynamic = "force-dynamic";

/**
 * For load balancers and test harnesses: 200 when the database answers, 503 with the reason
 * otherwise. Each call tries to open the database again, so the answer turns 200 by itself
 * once the database is back or its lock is free.
 */
export async function GET() {
  try {
    const handle = await getDatabaseHandle();
    await handle.db.execute(sql`select 1`);
    return Response.json({ ok: true, database: handle.kind }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[health] database check failed:", error);
    return Response.json({ ok: false, database: "unavailable", reason: describeFailure(error) }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}

// The reason says which kind of trouble it is, without connection strings or SQL.
function describeFailure(error: unknown): string {
  if (error instanceof DataDirLockedError) return "The embedded database is open in another process.";
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "EAI_AGAIN") return "The database server cannot be reached.";
  if (typeof code === "string" && /^(28|3D)/.test(code)) return "The database refused the connection (credentials or database name).";
  return "The database did not answer.";
}
