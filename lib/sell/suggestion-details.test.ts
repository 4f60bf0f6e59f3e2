import { describe, expect, it } from "vitest";
import { MAX_DESCRIPTION_LENGTH } from "@/lib/listings/listing-schema";
import { describeWithDetails, unmentionedDetails } from "./suggestion-details";

const none = { brand: "", colour: "", material: "", size: "" };

describe("unmentionedDetails", () => {
  it("lists only details the title and description do not already say, as whole words", () => {
    const details = { brand: "IKEA", colour: "blue", material: "oak", size: "EU 42" };
    expect(unmentionedDetails(details, "Blue IKEA shelf", "Solid wood, some scratches.")).toBe("Material: oak. Size: EU 42.");
    // "oak" inside "soaked" is not a mention.
    expect(unmentionedDetails({ ...none, material: "oak" }, "Shelf", "Never soaked.")).toBe("Material: oak.");
    expect(unmentionedDetails({ ...none, size: "27 inch (68 cm)" }, "Monitor, 27 inch (68 cm)", "")).toBe("");
  });
});

describe("describeWithDetails", () => {
  it("adds the missing details on a line of their own", () => {
    expect(describeWithDetails("Used for a year.\n", "Desk", { ...none, brand: "IKEA" })).toBe("Used for a year.\n\nBrand: IKEA.");
    expect(describeWithDetails("", "Desk", { ...none, brand: "IKEA" })).toBe("Brand: IKEA.");
  });

  it("leaves the description alone when nothing is missing or the line would not fit", () => {
    expect(describeWithDetails("Blue glazed vase.", "Vase", { ...none, colour: "blue" })).toBe("Blue glazed vase.");
    const long = "x".repeat(MAX_DESCRIPTION_LENGTH - 5);
    expect(describeWithDetails(long, "Desk", { ...none, brand: "IKEA" })).toBe(long);
  });
});
