"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { AuthFormState } from "@/app/(market)/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

type AuthFormProps = {
  mode: "sign-in" | "sign-up";
  action: (previous: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  next: string;
  /** Leave out the "Create an account" / "Sign in" switch (the page shows its own, more prominent one). */
  hideSwitch?: boolean;
};

export function AuthForm({ mode, action, next, hideSwitch = false }: AuthFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state?.values;
  const otherHref = `${mode === "sign-in" ? "/sign-up" : "/sign-in"}${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {state && !state.ok && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
      {mode === "sign-up" && (
        <Field label="Display name" errors={errors?.name} hint="Buyers see this name on your listings.">
          {(props) => <input {...props} name="name" autoComplete="nickname" defaultValue={values?.name} className={inputClass} required />}
        </Field>
      )}
      <Field label="Email" errors={errors?.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="email" defaultValue={values?.email} className={inputClass} required />}
      </Field>
      <Field label="Password" errors={errors?.password} hint={mode === "sign-up" ? "At least 8 characters." : undefined}>
        {(props) => (
          <input
            {...props}
            name="password"
            type="password"
            autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
            className={inputClass}
            required
          />
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Please wait…" : mode === "sign-in" ? "Sign in" : "Create account"}
      </Button>
      <p className="text-sm text-stone-600" hidden={hideSwitch}>
        {mode === "sign-in" ? "New to Trova? " : "Already have an account? "}
        <Link href={otherHref} className="font-medium text-brand-700 underline">
          {mode === "sign-in" ? "Create an account" : "Sign in"}
        </Link>
      </p>
    </form>
  );
}
