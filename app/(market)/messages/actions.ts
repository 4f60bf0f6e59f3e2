"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { failure, formFields, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { notifyNewMessage } from "@/lib/buyers/events";
import { addMessage, startConversation as startConversationQuery } from "@/lib/db/queries/messages";
import { sendMessageSchema, startConversationSchema } from "@/lib/messages/message-schema";
import { consumeMessageAllowance } from "@/lib/messages/send-limit";
import { getClientIp } from "@/lib/request-ip";
import { blockConversation as blockConversationQuery, getConversationBlock, unblockConversation as unblockConversationQuery } from "@/lib/db/queries/safety";
import { blockSchema } from "@/lib/safety/safety-schemas";
import { suspensionRefusal } from "@/lib/safety/suspension";

export type MessageFormState = ActionResult | null;

const CANNOT_REPLY = "You can't reply to this conversation.";
const SUSPENDED_WHAT = "send messages";

const REFUSALS = {
  "listing-not-found": "This listing no longer exists.",
  "own-listing": "This is your own listing: buyers write to you here, you cannot write to yourself.",
  "listing-sold": "This listing has been sold and takes no new messages.",
  // The same words for both sides: the blocked person learns nothing more than this.
  blocked: CANNOT_REPLY,
} as const;

export async function startConversation(_previous: MessageFormState, formData: FormData): Promise<MessageFormState> {
  const parsed = startConversationSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await getCurrentUser();
  if (!user) return failure("Your session has ended. Sign in again to send your message.");
  const suspended = await suspensionRefusal(user.id, SUSPENDED_WHAT);
  if (suspended) return failure(suspended);
  const limited = await consumeMessageAllowance(user.id, getClientIp(await headers()));
  if (limited) return failure(limited);

  const result = await startConversationQuery(parsed.data.listingId, user.id, parsed.data.body);
  if (!result.ok) return failure(REFUSALS[result.reason]);
  after(() => notifyNewMessage(result.conversationId, user.id));
  revalidatePath("/messages");
  redirect(`/messages/${result.conversationId}`);
}

export async function sendMessage(_previous: MessageFormState, formData: FormData): Promise<MessageFormState> {
  const parsed = sendMessageSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await getCurrentUser();
  if (!user) return failure("Your session has ended. Sign in again to send your message.");
  const suspended = await suspensionRefusal(user.id, SUSPENDED_WHAT);
  if (suspended) return failure(suspended);
  const limited = await consumeMessageAllowance(user.id, getClientIp(await headers()));
  if (limited) return failure(limited);

  const message = await addMessage(parsed.data.conversationId, user.id, parsed.data.body);
  if (!message) {
    const block = await getConversationBlock(parsed.data.conversationId, user.id);
    return failure(block.byMe || block.byOther ? CANNOT_REPLY : "This conversation could not be found.");
  }
  after(() => notifyNewMessage(parsed.data.conversationId, user.id));
  revalidatePath(`/messages/${parsed.data.conversationId}`);
  revalidatePath("/messages");
  return { ok: true };
}

/** Blocks the other side of the caller's conversation: nobody writes in it any more. */
export async function blockConversation(formData: unknown): Promise<ActionResult> {
  const parsed = blockSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await getCurrentUser();
  if (!user) return failure("Your session has ended. Sign in again.");
  if (!(await blockConversationQuery(parsed.data.conversationId, user.id))) return failure("This conversation could not be found.");
  revalidatePath(`/messages/${parsed.data.conversationId}`);
  return { ok: true };
}

/** Lifts the caller's own block (a block by the other side stays). */
export async function unblockConversation(formData: unknown): Promise<ActionResult> {
  const parsed = blockSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await getCurrentUser();
  if (!user) return failure("Your session has ended. Sign in again.");
  if (!(await unblockConversationQuery(parsed.data.conversationId, user.id))) return failure("You have not blocked this conversation.");
  revalidatePath(`/messages/${parsed.data.conversationId}`);
  return { ok: true };
}
