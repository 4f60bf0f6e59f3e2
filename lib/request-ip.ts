/** The caller's address as the server saw it (Next puts the socket address in x-forwarded-for). */
export function getClientIp(headers: Headers | undefined | null): string {
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers?.get("x-real-ip")?.trim() || "unknown";
}
