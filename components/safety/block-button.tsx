"use client";

import { useActionState } from "react";
import { blockConversation, unblockConversation } from "@/app/(market)/messages/actions";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

/** Blocks (or, for the one who blocked, unblocks) the other side of a conversation. */
export function BlockButton({ conversationId, blocked, otherName }: { conversationId: string; blocked: boolean; otherName: string }) {
  const [state, formAction, pending] = useActionState(
    (_previous: ActionResult | null, formData: FormData) => (blocked ? unblockConversation(formData) : blockConversation(formData)),
    null,
  );
  return (
    <form
      action={formAction}
      className="flex items-center gap-2"
      onSubmit={(event) => {
        if (!blocked && !window.confirm(`Block ${otherName}? Neither of you will be able to write in this conversation.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="conversationId" value={conversationId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {blocked ? `Unblock ${otherName}` : `Block ${otherName}`}
      </Button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
