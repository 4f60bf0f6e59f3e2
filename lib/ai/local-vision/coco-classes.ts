import type { Category } from "@/lib/listings/options";

// The detector's 80 COCO classes, in the model's output order (class index = array index), each
// with the word a seller would use and the Trova category a buyer would browse for it.
//
// category null means "never answer from this class": people, animals and food are in many
// product photos without being for sale, and street furniture (traffic lights, parking meters…)
// is what a detector sees in an unfamiliar shape, not what a seller lists. COCO has no class for
// clothes, shoes, watches, instruments, lamps or tools; photos of those are left to the seller
// (the model abstains) rather than forced into a wrong category.
//
// Choices worth knowing: a bicycle is Sports (the eval data accepts Vehicles too); bags, ties and
// suitcases are Clothing (accessories); kitchenware, appliances, plants, clocks and vases are
// Home & Garden; a keyboard, mouse or remote is Electronics.

export type CocoClass = {
  /** COCO's own name, as the model was trained on it. */
  label: string;
  /** The item in a listing title ("mobile phone" for COCO's "cell phone"). */
  item: string;
  /** The title when several of them are in the photo. */
  items: string;
  category: Category | null;
};

const cocoClass = (label: string, category: Category | null, item = label, items = `${item}s`): CocoClass => ({ label, item, items, category });

export const COCO_CLASSES: readonly CocoClass[] = [
  cocoClass("person", null),
  cocoClass("bicycle", "Sports"),
  cocoClass("car", "Vehicles"),
  cocoClass("motorcycle", "Vehicles"),
  cocoClass("airplane", null),
  cocoClass("bus", "Vehicles", "bus", "buses"),
  cocoClass("train", null),
  cocoClass("truck", "Vehicles"),
  cocoClass("boat", "Vehicles"),
  cocoClass("traffic light", null),
  cocoClass("fire hydrant", null),
  cocoClass("stop sign", null),
  cocoClass("parking meter", null),
  cocoClass("bench", "Furniture", "bench", "benches"),
  cocoClass("bird", null),
  cocoClass("cat", null),
  cocoClass("dog", null),
  cocoClass("horse", null),
  cocoClass("sheep", null),
  cocoClass("cow", null),
  cocoClass("elephant", null),
  cocoClass("bear", null),
  cocoClass("zebra", null),
  cocoClass("giraffe", null),
  cocoClass("backpack", "Clothing"),
  cocoClass("umbrella", "Other"),
  cocoClass("handbag", "Clothing"),
  cocoClass("tie", "Clothing"),
  cocoClass("suitcase", "Clothing"),
  cocoClass("frisbee", "Sports"),
  cocoClass("skis", "Sports", "skis", "skis"),
  cocoClass("snowboard", "Sports"),
  cocoClass("sports ball", "Sports", "ball", "balls"),
  cocoClass("kite", "Sports"),
  cocoClass("baseball bat", "Sports"),
  cocoClass("baseball glove", "Sports"),
  cocoClass("skateboard", "Sports"),
  cocoClass("surfboard", "Sports"),
  cocoClass("tennis racket", "Sports"),
  cocoClass("bottle", "Home & Garden"),
  cocoClass("wine glass", "Home & Garden", "wine glass", "wine glasses"),
  cocoClass("cup", "Home & Garden"),
  cocoClass("fork", "Home & Garden"),
  cocoClass("knife", "Home & Garden", "knife", "knives"),
  cocoClass("spoon", "Home & Garden"),
  cocoClass("bowl", "Home & Garden"),
  cocoClass("banana", null),
  cocoClass("apple", null),
  cocoClass("sandwich", null),
  cocoClass("orange", null),
  cocoClass("broccoli", null),
  cocoClass("carrot", null),
  cocoClass("hot dog", null),
  cocoClass("pizza", null),
  cocoClass("donut", null),
  cocoClass("cake", null),
  cocoClass("chair", "Furniture"),
  cocoClass("couch", "Furniture", "sofa"),
  cocoClass("potted plant", "Home & Garden"),
  cocoClass("bed", "Furniture"),
  cocoClass("dining table", "Furniture", "table"),
  cocoClass("toilet", "Home & Garden"),
  cocoClass("tv", "Electronics", "TV"),
  cocoClass("laptop", "Electronics"),
  cocoClass("mouse", "Electronics", "computer mouse", "computer mice"),
  cocoClass("remote", "Electronics", "remote control"),
  cocoClass("keyboard", "Electronics"),
  cocoClass("cell phone", "Electronics", "mobile phone"),
  cocoClass("microwave", "Home & Garden"),
  cocoClass("oven", "Home & Garden"),
  cocoClass("toaster", "Home & Garden"),
  cocoClass("sink", "Home & Garden"),
  cocoClass("refrigerator", "Home & Garden", "fridge"),
  cocoClass("book", "Books"),
  cocoClass("clock", "Home & Garden"),
  cocoClass("vase", "Home & Garden"),
  cocoClass("scissors", "Home & Garden", "scissors", "scissors"),
  cocoClass("teddy bear", "Toys & Kids"),
  cocoClass("hair drier", "Home & Garden", "hair dryer"),
  cocoClass("toothbrush", "Home & Garden", "toothbrush", "toothbrushes"),
];
