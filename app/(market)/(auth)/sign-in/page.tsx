import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { getCurrentUser, safeReturnPath } from "@/lib/auth/session";
import { parseSignInReason, signInHeading } from "@/lib/buyers/sign-in-reason";
import { getListingById } from "@/lib/db/queries/listings";
import { signIn } from "../actions";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const next = safeReturnPath(params.next);
  if (await getCurrentUser()) redirect(next);
  const reason = parseSignInReason(params.why);
  const listing = reason && typeof params.listing === "string" ? await getListingById(params.listing) : null;
  const signUpHref = `/sign-up${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-semibold">{signInHeading(reason, listing?.title ?? null)}</h1>
      {reason && (
        <div className="mb-6 flex flex-col gap-3">
          <p className="text-stone-600">You need a Trova account for that. It takes a minute, and you come straight back here.</p>
          <Link href={signUpHref} className="inline-flex items-center justify-center rounded-lg bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">
            Create an account
          </Link>
          <p className="text-sm text-stone-500">Already have one? Sign in below.</p>
        </div>
      )}
      {!reason && <div className="mb-4" />}
      <AuthForm mode="sign-in" action={signIn} next={next} hideSwitch={Boolean(reason)} />
    </div>
  );
}
