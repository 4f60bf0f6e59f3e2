import { z } from "zod";
import { withoutControlCharacters } from "@/lib/plain-text";

/** Thumbs up or down on a suggestion, with an optional reason (kept only for thumbs down). */
export const suggestionFeedbackSchema = z
  .object({
    callId: z.uuid({ error: "That suggestion can't be rated any more." }),
    rating: z.union([z.literal(1), z.literal(-1)], { error: "Choose thumbs up or thumbs down." }),
    reason: z.string().overwrite(withoutControlCharacters).trim().max(500, "Keep the reason under 500 characters.").nullish(),
  })
  .transform(({ rating, reason, ...rest }) => ({ ...rest, rating, reason: rating === -1 && reason ? reason : null }));

export type SuggestionFeedbackInput = z.input<typeof suggestionFeedbackSchema>;
