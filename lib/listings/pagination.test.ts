import { describe, expect, it } from "vitest";
import { pageItems } from "./pagination";

describe("pageItems", () => {
  it("shows a single page on its own", () => {
    expect(pageItems(1, 1)).toEqual([1]);
  });

  it("shows every page when there are few", () => {
    expect(pageItems(1, 3)).toEqual([1, 2, 3]);
    expect(pageItems(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("puts gaps on both sides of a page in the middle", () => {
    expect(pageItems(10, 20)).toEqual([1, "gap", 9, 10, 11, "gap", 20]);
  });

  it("fills a gap of one number with that number", () => {
    expect(pageItems(2, 7)).toEqual([1, 2, 3, "gap", 7]);
    expect(pageItems(4, 9)).toEqual([1, 2, 3, 4, 5, "gap", 9]);
  });

  it("handles the last page", () => {
    expect(pageItems(4167, 4167)).toEqual([1, "gap", 4166, 4167]);
  });
});
