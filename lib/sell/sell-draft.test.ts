import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import type { PrefillLine } from "./prefill-lines";
import { emptyDraft, fieldMarks, loadDraft, saveDraft, sellDraftReducer, suggestedValues, type SellDraft, type SellDraftAction } from "./sell-draft";

const CALL_ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const model = { id: "mock:fixture", label: "Test model (fixture)", local: true };

function run(...actions: SellDraftAction[]): SellDraft {
  return actions.reduce(sellDraftReducer, emptyDraft());
}
const line = (value: PrefillLine): SellDraftAction => ({ type: "prefill-line", line: value });
const started: SellDraftAction = { type: "prefill-started" };
const done = line({ type: "done", callId: CALL_ID, suggestion: DEFAULT_FIXTURE, model, comparable: null });

describe("suggestedValues", () => {
  it("turns the model's answer into form values", () => {
    expect(suggestedValues(DEFAULT_FIXTURE, "")).toEqual({
      title: "Blue ceramic vase",
      description: DEFAULT_FIXTURE.description,
      category: "Home & Garden",
      condition: "good",
      price: "25",
      brand: "",
      colour: "blue",
      material: "ceramic",
      size: "",
    });
  });

  it("skips what a partial answer does not have yet, including a category still being written", () => {
    expect(suggestedValues({ title: "Blue cer", category: "Home & Gar" as never, priceEur: 12.5 })).toEqual({ title: "Blue cer", price: "12.50" });
  });
});

describe("sellDraftReducer", () => {
  it("fills fields as partial answers arrive, title before description", () => {
    const draft = run(started, line({ type: "partial", suggestion: { title: "Blue ceramic" } }));
    expect(draft.values.title).toBe("Blue ceramic");
    expect(draft.values.description).toBe("");
    expect(draft.suggested).toEqual(["title"]);
  });

  it("never overwrites a field the seller has touched, even with an empty value", () => {
    const draft = run(
      started,
      { type: "edit", field: "title", value: "My grandmother's vase" },
      { type: "edit", field: "price", value: "" },
      line({ type: "partial", suggestion: { title: "Blue", priceEur: 20 } }),
      done,
    );
    expect(draft.values).toMatchObject({ title: "My grandmother's vase", price: "", category: "Home & Garden" });
    expect(draft.suggested).toEqual(["description", "category", "condition", "colour", "material"]);
    expect(draft.prefill).toMatchObject({ status: "done", callId: CALL_ID });
  });

  it("marks suggested fields, and the ones the model was unsure of for checking, until touched", () => {
    const draft = run(started, done);
    expect(fieldMarks(draft)).toEqual({
      title: "suggested",
      description: "suggested",
      category: "suggested",
      condition: "suggested",
      price: "check",
      colour: "suggested",
      material: "suggested",
    });
    const edited = sellDraftReducer(sellDraftReducer(draft, { type: "edit", field: "price", value: "30" }), {
      type: "edit",
      field: "title",
      value: "Blue vase",
    });
    expect(fieldMarks(edited)).not.toHaveProperty("price");
    expect(fieldMarks(edited)).not.toHaveProperty("title");
  });

  it("leaves a category the model is unsure of for the seller to pick, and asks them to", () => {
    const unsure = { ...DEFAULT_FIXTURE, category: "Other" as const, confidence: { ...DEFAULT_FIXTURE.confidence, category: "low" as const } };
    const draft = run(started, line({ type: "partial", suggestion: { title: "Blue", category: "Other" } }), line({ type: "done", callId: CALL_ID, suggestion: unsure, model, comparable: null }));
    expect(draft.values.category).toBe("");
    expect(draft.suggested).not.toContain("category");
    expect(fieldMarks(draft)).toMatchObject({ category: "check", title: "suggested" });
  });

  it("on failure empties what the model filled and keeps what the seller typed and uploaded", () => {
    const photo = { id: "0b9f5c1e-2d3a-4b5c-8d7e-6f5a4b3c2d1e", thumbUrl: "/api/images/x-thumb.webp" };
    const draft = run(
      { type: "photos", change: [photo] },
      started,
      { type: "edit", field: "price", value: "40" },
      line({ type: "partial", suggestion: { title: "Blue ceramic vase", description: "Blue" } }),
      line({ type: "failed", reason: "invalid_output", message: "We couldn't make sense of your photo.", model }),
    );
    expect(draft.values).toMatchObject({ title: "", description: "", price: "40" });
    expect(draft.photos).toEqual([photo]);
    expect(draft.suggested).toEqual([]);
    expect(draft.prefill).toEqual({ status: "failed", message: "We couldn't make sense of your photo.", modelLabel: model.label });
  });

  it("ignores lines that arrive when no suggestion is being read", () => {
    const draft = run(line({ type: "partial", suggestion: { title: "Late" } }));
    expect(draft).toEqual(emptyDraft());
  });
});

describe("draft storage", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("restores a saved draft, asking again for a suggestion cut off by the reload", () => {
    const store = new Map<string, string>();
    vi.stubGlobal("window", {
      localStorage: { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => store.set(key, value) },
    });
    const reading = run({ type: "edit", field: "title", value: "Lamp" }, started);
    saveDraft("draft", reading);
    expect(loadDraft("draft")).toEqual({ ...reading, prefill: { status: "idle" } });

    const finished = run(started, done);
    saveDraft("draft", finished);
    expect(loadDraft("draft")).toEqual(finished);

    store.set("draft", JSON.stringify({ ...finished, photos: [{ id: "x", thumbUrl: "https://evil.example/x.png" }] }));
    expect(loadDraft("draft")).toBeNull();
    store.set("draft", "{not json");
    expect(loadDraft("draft")).toBeNull();
  });
});
