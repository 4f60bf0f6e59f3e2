import { describe, expect, it } from "vitest";
import { CATEGORIES } from "@/lib/listings/options";
import { COCO_CLASSES } from "./coco-classes";

const byLabel = (label: string) => COCO_CLASSES.find((cocoClass) => cocoClass.label === label);

describe("the COCO class → Trova category map", () => {
  it("has the detector's 80 classes in its output order", () => {
    expect(COCO_CLASSES).toHaveLength(80);
    expect(COCO_CLASSES[0].label).toBe("person");
    expect(COCO_CLASSES[63].label).toBe("laptop");
    expect(COCO_CLASSES[79].label).toBe("toothbrush");
    expect(new Set(COCO_CLASSES.map((cocoClass) => cocoClass.label)).size).toBe(80);
  });

  it("never answers from people, animals or food", () => {
    for (const label of ["person", "cat", "dog", "horse", "bird", "banana", "pizza", "cake", "sandwich"]) {
      expect(byLabel(label)?.category, label).toBeNull();
    }
  });

  it("files what sellers list where buyers look, in the seller's words", () => {
    expect(byLabel("laptop")).toMatchObject({ category: "Electronics", item: "laptop" });
    expect(byLabel("cell phone")).toMatchObject({ category: "Electronics", item: "mobile phone" });
    expect(byLabel("couch")).toMatchObject({ category: "Furniture", item: "sofa", items: "sofas" });
    expect(byLabel("dining table")).toMatchObject({ category: "Furniture", item: "table" });
    expect(byLabel("bicycle")).toMatchObject({ category: "Sports" });
    expect(byLabel("motorcycle")).toMatchObject({ category: "Vehicles" });
    expect(byLabel("handbag")).toMatchObject({ category: "Clothing" });
    expect(byLabel("potted plant")).toMatchObject({ category: "Home & Garden" });
    expect(byLabel("book")).toMatchObject({ category: "Books", items: "books" });
    expect(byLabel("teddy bear")).toMatchObject({ category: "Toys & Kids" });
  });

  it("uses only Trova's categories", () => {
    for (const cocoClass of COCO_CLASSES) {
      if (cocoClass.category !== null) expect(CATEGORIES).toContain(cocoClass.category);
    }
  });
});
