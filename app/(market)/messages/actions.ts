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

export type MessageFormState = ActionResult | null;

const REFUSALS = {
  "listing-not-found": "This listing no longer exists.",
  "own-listing": "This is your own listing: buyers write to you here, you cannot write to yourself.",
  "listing-sold": "This listing has been sold and takes no new messages.",
} as const;

export async function startConversation(_previous: MessageFormState, formData: FormData): Promise<MessageFormState> {
  const parsed = startConversationSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const user = await getCurrentUser();
  if (!user) return failure("Your session has ended. Sign in again to send your message.");
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
  const limited = await consumeMessageAllowance(user.id, getClientIp(await headers()));
  if (limited) return failure(limited);

  const message = await addMessage(parsed.data.conversationId, user.id, parsed.data.body);
  if (!message) return failure("This conversation could not be found.");
  after(() => notifyNewMessage(parsed.data.conversationId, user.id));
  revalidatePath(`/messages/${parsed.data.conversationId}`);
  revalidatePath("/messages");
  return { ok: true };
}
