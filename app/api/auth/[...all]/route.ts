import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { payloadTooLarge, withBoundedBody } from "@/lib/request-body";

// Sign-in, sign-up and session calls are a few hundred bytes; better-auth would read any body whole.
const MAX_BODY_BYTES = 64 * 1024;

export const { GET, POST } = toNextJsHandler(async (request) => {
  const bounded = await withBoundedBody(request, MAX_BODY_BYTES);
  if (!bounded) return payloadTooLarge();
  return (await getAuth(request.headers)).handler(bounded);
});
