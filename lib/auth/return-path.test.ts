import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/", "/"],
    ["/sell", "/sell"],
    ["/listings/4b1c?tab=photos#top", "/listings/4b1c?tab=photos#top"],
    ["/my-listings?q=caf%C3%A9", "/my-listings?q=caf%C3%A9"],
    // A path on this site that only looks like another host: it never leaves the origin.
    ["/@evil.example", "/@evil.example"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    ["a tab", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a space", "/ /evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["a non-breaking space", "/\u00a0/evil.example"],
    ["a line separator", "/\u2028/evil.example"],
    ["a backslash", "/\\evil.example"],
    ["a backslash later on", "/x/..\\..\\evil.example"],
    ["two slashes", "//evil.example"],
    ["three slashes", "///evil.example"],
    ["slash backslash", "/\\/evil.example"],
    ["a dot segment before two slashes", "/.//evil.example"],
    ["an encoded tab", "/%09/evil.example"],
    ["an encoded newline", "/%0a/x"],
    ["an encoded newline (upper case)", "/%0A/evil.example"],
    ["encoded slashes", "/%2f%2fevil.example"],
    ["encoded slashes (upper case)", "/%2F%2Fevil.example"],
    ["an encoded backslash", "/%5cevil.example"],
    ["a malformed escape", "/%E0%A4%A"],
    ["an absolute URL", "https://evil.example/"],
    ["a protocol-relative URL with a path", "//evil.example/sign-in"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a javascript: URL after a slash", "/javascript:alert(1)\n"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "sell"],
    ["an empty string", ""],
  ])("refuses %s", (_label, value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it.each([[undefined], [null], [42], [["/sell"]], [{ toString: () => "/sell" }]])("refuses the non-string %j", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it("gives the fallback it is asked for", () => {
    expect(safeReturnPath("//evil.example", "/my-listings")).toBe("/my-listings");
  });
});
