// Response headers that protect every Trova page and file. next.config.ts sends the static ones
// with every response; proxy.ts adds a Content-Security-Policy with a fresh nonce to each page.

/** On every response, pages, API answers, images and build assets alike. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
] as const;

/**
 * For API answers and images: nothing in them may run or load anything, and no site may frame
 * them. An image opened in its own tab still shows.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy for pages. Scripts run only with this response's nonce (Next.js puts it on its own
 * scripts) or when such a script loads them ('strict-dynamic'). Inline style attributes stay
 * allowed: React and next/image write them, and styles cannot run code.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React's development build uses eval to rebuild server error stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only where the site is served over HTTPS: on plain http://localhost it would break every request.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * Sent only with pages served over HTTPS (browsers ignore it over http anyway). Two years, as
 * the HSTS preload list asks; no includeSubDomains, as Trova may share a domain it does not own.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000";

/** 128 random bits, base64: unguessable and fresh for each page view. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
