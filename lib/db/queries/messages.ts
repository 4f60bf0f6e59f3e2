import { and, count, eq, gt, ne, or } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { conversations, messages } from "@/lib/db/schema";

/** Messages written to `userId` that they have not read yet, across all their conversations. */
export async function getUnreadMessageCount(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ unread: count() })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        ne(messages.senderId, userId),
        or(
          and(eq(conversations.buyerId, userId), gt(messages.createdAt, conversations.buyerLastReadAt)),
          and(eq(conversations.sellerId, userId), gt(messages.createdAt, conversations.sellerLastReadAt)),
        ),
      ),
    );
  return row?.unread ?? 0;
}
