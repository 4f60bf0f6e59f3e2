import { and, count, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { notifications, type Notification } from "@/lib/db/schema";

export type NewNotification = Pick<Notification, "userId" | "kind" | "text" | "href"> & Partial<Pick<Notification, "savedSearchId" | "listingId">>;

/**
 * Stores notifications and returns the ones that were new: a saved search notifies once per
 * listing, so a repeated match is skipped here (unique index), not by the caller.
 */
export async function insertNotifications(rows: NewNotification[]): Promise<Notification[]> {
  if (rows.length === 0) return [];
  const db = await getDb();
  return db.insert(notifications).values(rows).onConflictDoNothing().returning();
}

export async function countUnreadNotifications(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/** The latest notifications of a user (a page of them: older ones are history nobody reads). */
export async function listNotifications(userId: string, limit = 100) {
  const db = await getDb();
  return db
    .select({ id: notifications.id, kind: notifications.kind, text: notifications.text, href: notifications.href, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/** Marks the user's notifications read: all of them, or those that link to `href`. */
export async function markNotificationsRead(userId: string, href?: string): Promise<number> {
  const db = await getDb();
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), href ? eq(notifications.href, href) : undefined))
    .returning({ id: notifications.id });
  return updated.length;
}
