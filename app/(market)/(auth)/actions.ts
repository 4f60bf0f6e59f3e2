"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { failure, formFields, invalidInput, type ActionResult } from "@/lib/action-result";
import { getAuth } from "@/lib/auth/auth";
import { signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { safeReturnPath } from "@/lib/auth/session";

export type AuthFormState = (ActionResult & { values?: { name?: string; email?: string } }) | null;

// One sentence whether the email is unknown or the password wrong: the form does not say which
// emails have accounts (better-auth hashes the password either way, so the timing matches too).
const NO_MATCH = "That email and password don't match an account. Check both and try again.";
// Sign-up cannot help saying an email is taken; it says no more than that, and its own
// per-address limit (lib/rate-limit.ts) keeps it from being a fast way to test a list of emails.
const EMAIL_UNAVAILABLE = "That email can't be used for a new account. If you already have one, sign in instead.";
const SOMETHING_FAILED = "We couldn't do that just now. Try again in a moment.";

export async function signIn(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const input = formFields(formData);
  const values = { email: typeof input.email === "string" ? input.email : "" };
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ...invalidInput(parsed.error), values };
  try {
    const requestHeaders = await headers();
    const auth = await getAuth(requestHeaders);
    await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: requestHeaders });
  } catch (error) {
    if (!isAPIError(error)) throw error;
    if (error.status === "TOO_MANY_REQUESTS") return { ...failure(error.message), values };
    if (error.status === "UNAUTHORIZED" || error.status === "BAD_REQUEST") return { ...failure(NO_MATCH), values };
    console.error("[auth] sign-in failed:", error.status, error.message);
    return { ...failure(SOMETHING_FAILED), values };
  }
  redirect(safeReturnPath(parsed.data.next));
}

export async function signUp(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const input = formFields(formData);
  const values = { name: typeof input.name === "string" ? input.name : "", email: typeof input.email === "string" ? input.email : "" };
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ...invalidInput(parsed.error), values };
  try {
    const requestHeaders = await headers();
    const auth = await getAuth(requestHeaders);
    await auth.api.signUpEmail({
      body: { name: parsed.data.name, email: parsed.data.email, password: parsed.data.password },
      headers: requestHeaders,
    });
  } catch (error) {
    if (!isAPIError(error)) throw error;
    if (error.status === "TOO_MANY_REQUESTS") return { ...failure(error.message), values };
    if (error.body?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" || error.status === "UNPROCESSABLE_ENTITY") {
      return { ok: false, error: "Please check the highlighted fields.", fieldErrors: { email: [EMAIL_UNAVAILABLE] }, values };
    }
    if (error.status === "BAD_REQUEST") return { ...failure(error.message || "Please check your details and try again."), values };
    console.error("[auth] sign-up failed:", error.status, error.message);
    return { ...failure(SOMETHING_FAILED), values };
  }
  redirect(safeReturnPath(parsed.data.next));
}

export async function signOut(): Promise<void> {
  const requestHeaders = await headers();
  const auth = await getAuth(requestHeaders);
  await auth.api.signOut({ headers: requestHeaders });
  redirect("/");
}
