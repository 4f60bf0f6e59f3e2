import { describe, expect, it } from "vitest";
import { getClientIp, isHttpsRequest } from "./request-ip";

const from = (forwardedFor: string | null, realIp?: string) => {
  const headers = new Headers();
  if (forwardedFor !== null) headers.set("x-forwarded-for", forwardedFor);
  if (realIp) headers.set("x-real-ip", realIp);
  return headers;
};

describe("getClientIp", () => {
  it("believes only the entry the nearest proxy appended, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; nginx appended the address it saw.
    expect(getClientIp(from("1.1.1.1, 203.0.113.7"), 1)).toBe("203.0.113.7");
    // A forged chain of any length changes nothing.
    expect(getClientIp(from("10.0.0.1, 10.0.0.2, 10.0.0.3, 203.0.113.7"), 1)).toBe("203.0.113.7");
  });

  it("counts back past each trusted proxy", () => {
    // CDN then load balancer: the CDN appended the client, the balancer appended the CDN.
    expect(getClientIp(from("6.6.6.6, 198.51.100.20, 192.0.2.1"), 2)).toBe("198.51.100.20");
    // A shorter chain than configured (the request skipped a proxy): the first entry.
    expect(getClientIp(from("198.51.100.20"), 2)).toBe("198.51.100.20");
  });

  it("gives one key per address, whatever its spelling", () => {
    expect(getClientIp(from("::ffff:203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(getClientIp(from("203.0.113.7:51234"), 1)).toBe("203.0.113.7");
    expect(getClientIp(from("[2001:DB8::1]:443"), 1)).toBe("2001:db8::1");
  });

  it("refuses anything that is not an address, so junk cannot make endless fresh buckets", () => {
    expect(getClientIp(from("<script>"), 1)).toBe("unknown");
    expect(getClientIp(from(`${"a".repeat(5000)}`), 1)).toBe("unknown");
    expect(getClientIp(from(null), 1)).toBe("unknown");
    expect(getClientIp(null, 1)).toBe("unknown");
  });

  it("falls back to X-Real-IP when there is no X-Forwarded-For", () => {
    expect(getClientIp(from(null, "192.0.2.44"), 1)).toBe("192.0.2.44");
  });
});

describe("isHttpsRequest", () => {
  const proto = (value?: string) => new Headers(value ? { "x-forwarded-proto": value } : {});
  const plain = { appUrl: "http://localhost:3000", hops: 1 };

  it("is always true when the public address is https", () => {
    expect(isHttpsRequest(proto(), { appUrl: "https://trova.example", hops: 1 })).toBe(true);
  });

  it("believes the proxy's X-Forwarded-Proto", () => {
    expect(isHttpsRequest(proto("https"), plain)).toBe(true);
    expect(isHttpsRequest(proto("http"), plain)).toBe(false);
    expect(isHttpsRequest(proto(), plain)).toBe(false);
  });

  it("reads the entry the trusted proxies wrote, not what the client put before it", () => {
    // The client claimed https; the one trusted proxy appended what it saw: http.
    expect(isHttpsRequest(proto("https, http"), plain)).toBe(false);
    // Two trusted hops: the outer one saw https, the inner one forwarded over http.
    expect(isHttpsRequest(proto("https, http"), { ...plain, hops: 2 })).toBe(true);
  });
});
