import { describe, expect, it } from "vitest";
import { parseSignInReason, signInHeading, signInHref, withPendingSave } from "./sign-in-reason";

describe("sign-in reasons", () => {
  it("names the listing in the heading", () => {
    expect(signInHeading("message", "Kids bike")).toBe("Sign in to message the seller of “Kids bike”");
    expect(signInHeading("offer", null)).toBe("Sign in to make an offer on this listing");
    expect(signInHeading(undefined, "Kids bike")).toBe("Sign in to Trova");
  });

  it("builds a link that carries the return path, the reason and the listing", () => {
    const href = new URL(signInHref("/listings/abc?x=1", "save", "abc"), "http://x");
    expect(href.pathname).toBe("/sign-in");
    expect(Object.fromEntries(href.searchParams)).toEqual({ next: "/listings/abc?x=1", why: "save", listing: "abc" });
  });

  it("ignores a reason it does not know", () => {
    expect(parseSignInReason("steal")).toBeUndefined();
    expect(parseSignInReason(["offer"])).toBe("offer");
  });

  it("adds the pending save to a path, keeping its query and hash", () => {
    expect(withPendingSave("/?q=bike&page=2", "id-1")).toBe("/?q=bike&page=2&save=id-1");
    expect(withPendingSave("/listings/id-1#photos", "id-1")).toBe("/listings/id-1?save=id-1#photos");
  });
});
