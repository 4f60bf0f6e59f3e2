import type { z } from "zod";

/** What every server action returns: expected failures are values, not exceptions. */
export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined> };

export type FieldErrors = Record<string, string[] | undefined>;

/** A failed zod parse as an action result: one message per field, shown beside it. */
export function invalidInput(error: z.ZodError, message = "Please check the highlighted fields."): {
  ok: false;
  error: string;
  fieldErrors: FieldErrors;
} {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { ok: false, error: message, fieldErrors };
}

export function failure(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/**
 * A server action's FormData as a plain object for its zod schema. The browser always sends
 * FormData, but anyone can call an action with other arguments: those read as an empty form,
 * which the schema then refuses field by field, instead of throwing.
 */
export function formFields(formData: unknown): Record<string, FormDataEntryValue> {
  return formData instanceof FormData ? Object.fromEntries(formData) : {};
}
