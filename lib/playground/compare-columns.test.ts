import { describe, expect, it } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { compareColumns, formValuesOf } from "./compare-columns";

describe("the playground's field-by-field diff", () => {
  const published = { ...formValuesOf(DEFAULT_FIXTURE), title: "Stoneware jug", brand: "" };

  it("marks the fields where the columns disagree, spacing aside, and ignores columns with no answer", () => {
    const unsure = { ...DEFAULT_FIXTURE, title: "Blue  ceramic vase ", confidence: { ...DEFAULT_FIXTURE.confidence, category: "low" as const } };
    const rows = compareColumns([DEFAULT_FIXTURE, unsure, null], null);
    const byField = Object.fromEntries(rows.map((row) => [row.field, row]));
    // As the sell form does, an unsure category is left for the seller.
    expect(byField.category).toMatchObject({ values: ["Home & Garden", "", null], differs: true, published: null, againstPublished: [null, null, null] });
    expect(byField.title.differs).toBe(false);
    expect(byField.price).toMatchObject({ values: ["25", "25", null], differs: false });
  });

  it("says, per column, whether the seller published the same value, changed it or cleared it", () => {
    const withBrand = { ...DEFAULT_FIXTURE, brand: "Villeroy & Boch" };
    const rows = compareColumns([DEFAULT_FIXTURE, withBrand], published);
    const byField = Object.fromEntries(rows.map((row) => [row.field, row]));
    expect(byField.title).toMatchObject({ published: "Stoneware jug", againstPublished: ["changed", "changed"] });
    expect(byField.brand).toMatchObject({ differs: true, againstPublished: ["kept", "cleared"] });
    expect(byField.category.againstPublished).toEqual(["kept", "kept"]);
  });
});
