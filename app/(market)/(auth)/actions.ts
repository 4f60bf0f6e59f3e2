"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getAuth } from "@/lib/auth/auth";
import { signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { safeReturnPath } from "@/lib/auth/session";

export type AuthFormState = (ActionResult & { values?: { name?: string; email?: string } }) | null;

export async function signIn(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const input = Object.fromEntries(formData);
  const values = { email: String(input.email ?? "") };
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ...invalidInput(parsed.error), values };
  try {
    const auth = await getAuth();
    await auth.api.signInEmail({
      body: { email: parsed.data.email, password: parsed.data.password },
      headers: await headers(),
    });
  } catch (error) {
    if (error instanceof APIError) {
      if (error.status === "TOO_MANY_REQUESTS") return { ...failure(error.message), values };
      return { ...failure("That email and password don't match an account."), values };
    }
    throw error;
  }
  redirect(safeReturnPath(parsed.data.next));
}

export async function signUp(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const input = Object.fromEntries(formData);
  const values = { name: String(input.name ?? ""), email: String(input.email ?? "") };
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ...invalidInput(parsed.error), values };
  try {
    const auth = await getAuth();
    await auth.api.signUpEmail({
      body: { name: parsed.data.name, email: parsed.data.email, password: parsed.data.password },
      headers: await headers(),
    });
  } catch (error) {
    if (error instanceof APIError) {
      const taken = /exist/i.test(error.message);
      return taken
        ? { ok: false, error: "Please check the highlighted fields.", fieldErrors: { email: ["An account with this email already exists. Sign in instead."] }, values }
        : { ...failure(error.message || "Could not create your account. Try again."), values };
    }
    throw error;
  }
  redirect(safeReturnPath(parsed.data.next));
}

export async function signOut(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  redirect("/");
}
