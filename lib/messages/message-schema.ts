import { z } from "zod";
import { withoutControlCharacters } from "@/lib/plain-text";

export const MESSAGE_MAX_LENGTH = 2000;

export const messageBodySchema = z
  .string()
  .overwrite(withoutControlCharacters)
  .trim()
  .min(1, "Write a message before sending.")
  .max(MESSAGE_MAX_LENGTH, `Keep your message under ${MESSAGE_MAX_LENGTH.toLocaleString("en-IE")} characters.`);

// Ids arrive from hidden form fields, so a forged or garbled one fails here, not in SQL.
const idSchema = z.guid("That conversation or listing could not be found.");

export const startConversationSchema = z.object({ listingId: idSchema, body: messageBodySchema });
export type StartConversationInput = z.infer<typeof startConversationSchema>;

export const sendMessageSchema = z.object({ conversationId: idSchema, body: messageBodySchema });
export type SendMessageInput = z.infer<typeof sendMessageSchema>;
