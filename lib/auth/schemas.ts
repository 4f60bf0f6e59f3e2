import { z } from "zod";
import { withoutControlCharacters } from "@/lib/plain-text";

/** Shown beside everything a person writes; the auth API applies it too (lib/auth/auth.ts). */
export const displayNameSchema = z
  .string({ error: "Enter a display name." })
  .overwrite(withoutControlCharacters)
  .trim()
  .min(2, "Your display name needs at least 2 characters.")
  .max(50, "Keep your display name under 50 characters.");

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password.").max(128, "That password is too long."),
  next: z.string().optional(),
});

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z
    .string()
    .min(8, "Use at least 8 characters for your password.")
    .max(128, "Keep your password under 128 characters."),
  next: z.string().optional(),
});
