import { describe, expect, it } from "vitest";
import { agreementRate, type AgreementLabel } from "./agreement";

const label = (category: string | null, verdicts: AgreementLabel["verdicts"] = {}): AgreementLabel => ({ category, verdicts });

describe("agreementRate", () => {
  it("counts every pair of labels on an item, on a worked example", () => {
    const agreement = agreementRate([
      [label("Furniture", { title: "right", price: "wrong" }), label("Furniture", { title: "right", price: "right" })],
      [label("Sports", { title: "wrong", price: "unsure" }), label("Vehicles", { title: "wrong", price: "unsure" })],
      [label("Furniture", { title: "right" }), label("Furniture", { title: "wrong" })],
      // Three reviewers: three pairs, one of which agrees on the category.
      [label("Books"), label("Books"), label("Other")],
      // One label alone says nothing about agreement.
      [label("Electronics", { title: "right" })],
    ]);
    expect(agreement.items).toBe(4);
    expect(agreement.category).toMatchObject({ agreed: 3, pairs: 6, rate: 0.5 });
    // Pooled shares over the 12 ratings: Furniture 4, Books 4, Other 2, Sports 1, Vehicles 1.
    const expected = (4 / 12) ** 2 + (4 / 12) ** 2 + (2 / 12) ** 2 + (1 / 12) ** 2 + (1 / 12) ** 2;
    expect(agreement.category.chanceCorrected).toBeCloseTo((0.5 - expected) / (1 - expected), 10);
    expect(agreement.verdicts.title).toEqual({ agreed: 2, pairs: 3, rate: 2 / 3 });
    expect(agreement.verdicts.price).toEqual({ agreed: 1, pairs: 2, rate: 0.5 });
    expect(agreement.verdicts.condition).toEqual({ agreed: 0, pairs: 0, rate: null });
  });

  it("says nothing when no item has two labels", () => {
    const agreement = agreementRate([[label("Books")]]);
    expect(agreement.items).toBe(0);
    expect(agreement.category).toEqual({ agreed: 0, pairs: 0, rate: null, chanceCorrected: null });
  });

  it("leaves out a category a reviewer could not tell", () => {
    expect(agreementRate([[label(null), label("Books")]]).category).toMatchObject({ pairs: 0, rate: null });
  });

  it("does not correct for chance when every label has the same category", () => {
    const agreement = agreementRate([[label("Books"), label("Books")]]);
    expect(agreement.category).toMatchObject({ rate: 1, chanceCorrected: null });
  });
});
