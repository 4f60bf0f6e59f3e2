import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, createNonce, pageContentSecurityPolicy } from "./security-headers";

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(";").map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name, values.join(" ")];
  }));
}

describe("pageContentSecurityPolicy", () => {
  it("runs only scripts with the nonce, and no site may frame a page", () => {
    const policy = directives(pageContentSecurityPolicy("abc123", { development: false, https: false }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only in development, and upgrades requests only over HTTPS", () => {
    expect(directives(pageContentSecurityPolicy("n", { development: true, https: false })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(pageContentSecurityPolicy("n", { development: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("API_CONTENT_SECURITY_POLICY", () => {
  it("lets nothing load or run, and nothing frame", () => {
    const policy = directives(API_CONTENT_SECURITY_POLICY);
    expect(policy.get("default-src")).toBe("'none'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
  });
});

describe("createNonce", () => {
  it("is fresh every time and at least 128 bits", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0], "base64").length).toBeGreaterThanOrEqual(16);
  });
});
