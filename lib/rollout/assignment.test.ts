import { describe, expect, it } from "vitest";
import { assignSubject, candidateLaneWidth, sharesProblem, subjectPoint } from "./assignment";

const ids = Array.from({ length: 20_000 }, (_, index) => `user-${index}`);

function tally(seed: string, holdout: number, candidates: { key: string; share: number }[]) {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const assignment = assignSubject(seed, id, holdout, candidates);
    const name = assignment.kind === "candidate" ? assignment.key : assignment.kind;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return (name: string) => (counts.get(name) ?? 0) / ids.length;
}

describe("sticky assignment", () => {
  it("gives a subject the same point every time, and a different one in another experiment", () => {
    expect(subjectPoint("exp-1", "user-7")).toBe(subjectPoint("exp-1", "user-7"));
    expect(subjectPoint("exp-1", "user-7")).not.toBe(subjectPoint("exp-2", "user-7"));
    const point = subjectPoint("exp-1", "user-7");
    expect(point).toBeGreaterThanOrEqual(0);
    expect(point).toBeLessThan(1);
  });

  it("splits many subjects close to the configured shares", () => {
    const share = tally("seed-a", 0.05, [
      { key: "b", share: 0.3 },
      { key: "c", share: 0.1 },
    ]);
    // 20,000 subjects: the standard error of a 30 % share is about 0.3 percentage points.
    expect(share("holdout")).toBeCloseTo(0.05, 1);
    expect(Math.abs(share("holdout") - 0.05)).toBeLessThan(0.01);
    expect(Math.abs(share("b") - 0.3)).toBeLessThan(0.015);
    expect(Math.abs(share("c") - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(share("control") - 0.55)).toBeLessThan(0.015);
  });

  it("keeps everyone who had the candidate when its share rises, and only adds to it", () => {
    const before = ids.map((id) => assignSubject("seed-b", id, 0.05, [{ key: "b", share: 0.1 }]));
    const after = ids.map((id) => assignSubject("seed-b", id, 0.05, [{ key: "b", share: 0.5 }]));
    let kept = 0;
    let had = 0;
    ids.forEach((_, index) => {
      if (before[index].kind === "candidate") {
        had++;
        if (after[index].kind === "candidate") kept++;
      }
      // The holdout is untouched by a candidate's share, and nobody leaves the candidate.
      expect(after[index].kind === "holdout").toBe(before[index].kind === "holdout");
    });
    expect(had).toBeGreaterThan(1000);
    expect(kept).toBe(had);
    const gained = after.filter((assignment) => assignment.kind === "candidate").length;
    expect(Math.abs(gained / ids.length - 0.5)).toBeLessThan(0.015);
  });

  it("does not move one candidate's subjects when another candidate's share changes", () => {
    const first = ids.map((id) => assignSubject("seed-c", id, 0, [{ key: "b", share: 0.2 }, { key: "c", share: 0.1 }]));
    const second = ids.map((id) => assignSubject("seed-c", id, 0, [{ key: "b", share: 0.2 }, { key: "c", share: 0.4 }]));
    ids.forEach((_, index) => {
      const wasB = first[index].kind === "candidate" && first[index].key === "b";
      const isB = second[index].kind === "candidate" && second[index].key === "b";
      expect(isB).toBe(wasB);
    });
  });

  it("refuses shares that do not fit the candidates' lanes or a large holdout", () => {
    expect(candidateLaneWidth(2)).toBeCloseTo(0.45);
    expect(sharesProblem(0.05, [{ key: "b", share: 0.5 }])).toBeNull();
    expect(sharesProblem(0.2, [{ key: "b", share: 0.5 }])).toMatch(/holdout can be at most 10 %/);
    expect(sharesProblem(0, [{ key: "b", share: 0.5 }, { key: "c", share: 0.1 }])).toMatch(/at most 45 %/);
    expect(sharesProblem(0, [{ key: "b", share: -0.1 }])).not.toBeNull();
  });
});
