import { failure, type FieldErrors } from "@/lib/action-result";
import type { SellerMutationResult } from "@/lib/db/queries/seller-listings";

type SellerFailureReason = Extract<SellerMutationResult, { ok: false }>["reason"];

export const SIGNED_OUT_MESSAGE = "You're signed out. Sign in again, then retry.";

/** A refused seller mutation as the message the seller sees. Someone else's listing reads as "not found". */
export function sellerFailure(reason: SellerFailureReason): { ok: false; error: string; fieldErrors?: FieldErrors } {
  if (reason === "not-found") return failure("That listing doesn't exist or isn't yours.");
  return {
    ok: false,
    error: "Please check the highlighted fields.",
    fieldErrors: { photoIds: ["One of these photos can't be used any more. Remove it and add it again."] },
  };
}
