import { notFound, redirect } from "next/navigation";
import { getCurrentUser, safeReturnPath, type CurrentUser } from "./session";

export function isAdmin(user: Pick<CurrentUser, "role"> | null | undefined): boolean {
  return user?.role === "admin";
}

/** Moderators work the moderation queue (/console/moderation); admins are moderators too. */
export function isModerator(user: Pick<CurrentUser, "role"> | null | undefined): boolean {
  return user?.role === "moderator" || isAdmin(user);
}

/**
 * For console pages: a signed-out visitor is sent to sign in; a signed-in user who is not on
 * the team gets a 404, so the console's existence is not advertised.
 */
export async function requireAdminPage(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  if (!isAdmin(user)) notFound();
  return user;
}

/** For console server actions: the admin calling, or null (the action then refuses). */
export async function getAdminForAction(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return isAdmin(user) ? user : null;
}

export const NOT_ALLOWED = "Not found.";

/** For the moderation pages: like requireAdminPage, for moderators (and admins). */
export async function requireModeratorPage(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  if (!isModerator(user)) notFound();
  return user;
}

/** For moderation server actions: the moderator calling, or null (the action then refuses). */
export async function getModeratorForAction(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return isModerator(user) ? user : null;
}
