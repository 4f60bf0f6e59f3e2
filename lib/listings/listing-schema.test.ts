import { describe, expect, it } from "vitest";
import { centsToPriceInput, listingSchema, priceSchema } from "./listing-schema";

const photoId = "5b7f0c52-4a3e-4f0e-9a57-0d8f1f7f2c11";
const valid = {
  title: "  Oak dining table  ",
  description: "Seats six.",
  category: "Furniture",
  condition: "good",
  price: "120.50",
  place: "  Galway ",
  photoIds: [photoId],
};

function priceMessage(value: unknown): string | undefined {
  const result = priceSchema.safeParse(value);
  return result.success ? undefined : result.error.issues[0].message;
}

function fieldMessages(input: Record<string, unknown>): Record<string, string> {
  const result = listingSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe("priceSchema", () => {
  it.each([
    ["25", 2500],
    ["25.5", 2550],
    ["25.50", 2550],
    ["12,99", 1299],
    [" € 40 ", 4000],
    ["0", 0],
    ["1000000", 100_000_000],
    [19.99, 1999],
    [0.1, 10],
    [7, 700],
  ])("reads %j as %i cents", (input, cents) => {
    expect(priceSchema.parse(input)).toBe(cents);
  });

  it("refuses a negative price", () => {
    expect(priceMessage("-5")).toBe("The price can't be negative. Enter 0 to give it away.");
    expect(priceMessage(-0.01)).toBe("The price can't be negative. Enter 0 to give it away.");
  });

  it("refuses prices above one million euros", () => {
    expect(priceMessage("1000000.01")).toBe("The highest price Trova accepts is €1,000,000.");
    expect(priceMessage(2_000_000)).toBe("The highest price Trova accepts is €1,000,000.");
  });

  it.each(["abc", "NaN", "1e3", "12.5.0", "1,000.00", "twenty", "0x10", "Infinity"])("refuses non-numeric text %j", (input) => {
    expect(priceMessage(input)).toBe("Enter the price in euros as a number, like 25 or 25.50.");
  });

  it("refuses NaN, infinities and non-price types", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, {}]) {
      expect(priceMessage(value)).toBe("Enter the price in euros as a number, like 25 or 25.50.");
    }
  });

  it("asks for a price when the field is empty", () => {
    expect(priceMessage("   ")).toBe("Enter a price in euros (0 to give it away).");
  });

  it("refuses fractions of a cent", () => {
    expect(priceMessage("9.999")).toBe("Prices go down to the cent: use at most 2 decimals.");
    expect(priceMessage(9.999)).toBe("Prices go down to the cent: use at most 2 decimals.");
  });
});

describe("listingSchema", () => {
  it("trims the title and turns the price into cents", () => {
    expect(listingSchema.parse(valid)).toEqual({
      title: "Oak dining table",
      description: "Seats six.",
      category: "Furniture",
      condition: "good",
      priceCents: 12_050,
      place: "Galway",
      photoIds: [photoId],
    });
  });

  it("defaults a missing description to empty", () => {
    expect(listingSchema.parse({ ...valid, description: undefined }).description).toBe("");
  });

  it("publishes a description with prompt lines left unanswered, without those lines", () => {
    // An old draft's skeleton, or chips the seller inserted and did not answer: never a refusal.
    const skeleton = "Black laptop.\nBrand and model: …\nAge and how much it was used: …\nIncluded (charger, cables, box): …";
    expect(fieldMessages({ ...valid, description: skeleton })).toEqual({});
    expect(listingSchema.parse({ ...valid, description: skeleton }).description).toBe("Black laptop.");
    expect(listingSchema.parse({ ...valid, description: "Brand and model: Lenovo T14\nSize: " }).description).toBe("Brand and model: Lenovo T14");
    // Completed, or an ellipsis of the seller's own: published as written.
    expect(listingSchema.parse({ ...valid, description: "Works well… mostly.\nSize: …ish 40 cm" }).description).toContain("…ish");
  });

  it("explains every invalid field", () => {
    expect(
      fieldMessages({ title: " a ", description: "x".repeat(5001), category: "Spaceships", condition: "", price: "free", place: "  ", photoIds: [] }),
    ).toEqual({
      title: "The title needs at least 3 characters.",
      description: "Keep the description under 5,000 characters.",
      category: "Choose a category.",
      condition: "Choose the item's condition.",
      price: "Enter the price in euros as a number, like 25 or 25.50.",
      place: "Choose the town or city where the item is.",
      photoIds: "Add at least one photo.",
    });
  });

  it("asks for a place when there is none", () => {
    expect(fieldMessages({ ...valid, place: undefined })).toEqual({ place: "Choose the town or city where the item is." });
    expect(fieldMessages({ ...valid, place: "x".repeat(101) })).toEqual({ place: "Choose the town or city from the list." });
  });

  it("caps the title at 120 characters after trimming", () => {
    expect(fieldMessages({ ...valid, title: `  ${"t".repeat(120)}  ` })).toEqual({});
    expect(fieldMessages({ ...valid, title: "t".repeat(121) })).toEqual({ title: "Keep the title under 120 characters." });
  });

  it("accepts 1 to 8 photos in the given order, each once", () => {
    const ids = Array.from({ length: 9 }, (_, index) => `5b7f0c52-4a3e-4f0e-9a57-0d8f1f7f2c${String(index).padStart(2, "0")}`);
    expect(listingSchema.parse({ ...valid, photoIds: ids.slice(0, 8).reverse() }).photoIds).toEqual(ids.slice(0, 8).reverse());
    expect(fieldMessages({ ...valid, photoIds: ids })).toEqual({ photoIds: "A listing can have up to 8 photos." });
    expect(fieldMessages({ ...valid, photoIds: [photoId, photoId] })).toEqual({ photoIds: "Each photo can only appear once." });
    expect(fieldMessages({ ...valid, photoIds: ["../etc/passwd"] })).toEqual({
      photoIds: "One of the photos is not valid. Remove it and add it again.",
    });
  });
});

describe("centsToPriceInput", () => {
  it("shows whole euros without decimals and cents with two", () => {
    expect(centsToPriceInput(2500)).toBe("25");
    expect(centsToPriceInput(2550)).toBe("25.50");
    expect(centsToPriceInput(1999)).toBe("19.99");
  });
});
