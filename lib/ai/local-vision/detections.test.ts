import { describe, expect, it } from "vitest";
import { COCO_CLASSES } from "./coco-classes";
import { LOCAL_VISION_THRESHOLDS, parseDetections, readDetections } from "./detections";

const MIN_SCORE = LOCAL_VISION_THRESHOLDS.minScore;

const classIndex = (label: string) => COCO_CLASSES.findIndex((cocoClass) => cocoClass.label === label);

/** The detector's output layout: rows of x1, y1, x2, y2, score, class index. */
function output(rows: [label: string, score: number, box?: [number, number, number, number]][]): Float32Array {
  return Float32Array.from(rows.flatMap(([label, score, box = [100, 100, 300, 300]]) => [...box, score, classIndex(label)]));
}

describe("parseDetections", () => {
  it("reads rows of six numbers, clamps boxes to the frame and skips rows with no class", () => {
    const raw = Float32Array.from([-5, 10, 600, 200, 0.7, classIndex("laptop"), 0, 0, 0, 0, 0.1, Number.NaN]);
    expect(parseDetections(raw)).toEqual([{ cocoClass: COCO_CLASSES[classIndex("laptop")], score: expect.closeTo(0.7, 5), x1: 0, y1: 10, x2: 512, y2: 200 }]);
  });
});

describe("readDetections (what the item is, or an abstention)", () => {
  it("names the best detection of a class Trova sells", () => {
    const reading = readDetections(parseDetections(output([["laptop", 0.67], ["mouse", 0.31]])));
    expect(reading).toMatchObject({ detection: { cocoClass: { label: "laptop" } }, count: 1 });
  });

  it(`abstains when nothing reaches a score of ${MIN_SCORE}`, () => {
    expect(readDetections(parseDetections(output([["laptop", MIN_SCORE - 0.01], ["vase", 0.2]])))).toBeNull();
    expect(readDetections([])).toBeNull();
  });

  it("ignores people, animals and food, however sure", () => {
    expect(readDetections(parseDetections(output([["person", 0.9], ["dog", 0.8], ["pizza", 0.7]])))).toBeNull();
    const reading = readDetections(parseDetections(output([["person", 0.9], ["chair", 0.4]])));
    expect(reading?.detection.cocoClass.label).toBe("chair");
  });

  it("prefers a larger box when scores are close: the item, not something in the background", () => {
    const reading = readDetections(
      parseDetections(
        output([
          ["potted plant", 0.4, [20, 20, 50, 50]],
          ["couch", 0.36, [80, 120, 430, 400]],
        ]),
      ),
    );
    expect(reading?.detection.cocoClass.label).toBe("couch");
    // …but a much surer detection still wins over a bigger, doubtful one.
    const sure = readDetections(parseDetections(output([["laptop", 0.7, [200, 200, 260, 260]], ["tv", 0.3, [80, 80, 430, 430]]])));
    expect(sure?.detection.cocoClass.label).toBe("laptop");
  });

  it("counts several boxes of the same class (a pile of books), not specks", () => {
    const books = readDetections(
      parseDetections(
        output([
          ["book", 0.42, [100, 100, 160, 300]],
          ["book", 0.39, [170, 100, 230, 300]],
          ["book", 0.35, [240, 100, 300, 300]],
          ["book", 0.33, [300, 300, 302, 302]],
        ]),
      ),
    );
    expect(books?.count).toBe(3);
  });

  it("asks more of classes that fire on anything (a vase for a piggy bank, an oven for a piano)", () => {
    expect(readDetections(parseDetections(output([["vase", 0.38]])))).toBeNull();
    expect(readDetections(parseDetections(output([["oven", 0.35], ["potted plant", 0.33]])))).toBeNull();
    expect(readDetections(parseDetections(output([["vase", 0.65]])))?.detection.cocoClass.label).toBe("vase");
    // A class with a threshold of its own is held to it.
    expect(readDetections(parseDetections(output([["laptop", 0.5]])), { ...LOCAL_VISION_THRESHOLDS, classMinScore: { laptop: 0.6 } })).toBeNull();
  });

  it("does not answer from a speck: a tiny box alone is not the item (a cup in the corner)", () => {
    expect(readDetections(parseDetections(output([["car", 0.54, [10, 10, 30, 30]]])))).toBeNull();
    expect(readDetections(parseDetections(output([["car", 0.54, [10, 10, 30, 30]], ["chair", 0.3, [100, 100, 400, 400]]])))?.detection.cocoClass.label).toBe(
      "chair",
    );
  });
});
