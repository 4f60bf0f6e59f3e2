import { describe, expect, it } from "vitest";
import type { ListingSuggestion } from "@/lib/ai/output-schema";
import { getPrompt } from "@/lib/ai/prompts";
import { getEvalRun, getEvalRunCases, listEvalRuns } from "@/lib/db/queries/eval-runs";
import { writeGeneratedDataset } from "@/lib/testing/eval-dataset";
import { loadStoredDataset } from "./dataset-store";
import { runEval, type AnalyseForEval } from "./runner";

const answerFor = (category: ListingSuggestion["category"], title: string): ListingSuggestion => ({
  title,
  description: "",
  category,
  condition: null,
  priceEur: 20,
  brand: null,
  attributes: { colour: null, material: null, size: null },
  confidence: { title: "high", category: "high", condition: "low", price: "medium" },
});

describe("runEval", () => {
  it("scores every case per trial and stores the experiment", async () => {
    const folder = await writeGeneratedDataset();
    let inFlight = 0;
    let maxInFlight = 0;
    // A fake task: right about vases, wrong about everything else, fails on the book.
    const analyse: AnalyseForEval = async ({ imageIds }) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      const dataset = await loadStoredDataset("runner");
      const evalCase = dataset!.cases.find((candidate) => candidate.imageId === imageIds[0])!;
      const base = { callId: null, inputTokens: 100, outputTokens: 50, costUsd: 0.0001 };
      if (evalCase.id === "yellow-book") return { ...base, suggestion: null, failureReason: "invalid_output" };
      if (evalCase.id === "blue-vase") return { ...base, suggestion: answerFor("Home & Garden", "Blue vase"), failureReason: null };
      return { ...base, suggestion: answerFor("Electronics", "Gadget"), failureReason: null };
    };
    const progress: number[] = [];
    const report = await runEval({
      dataset: folder,
      datasetName: "runner",
      modelId: "fake:model",
      prompt: getPrompt("listing-prefill"),
      trials: 2,
      concurrency: 3,
      analyse,
      onProgress: (done) => progress.push(done),
    });

    expect(report.cases).toHaveLength(8);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(progress.at(-1)).toBe(8);
    expect(report.metrics).toMatchObject({ cases: 8, validityRate: 0.75, categoryAccuracy: 0.25, confidentWrongRate: 0.5, keywordHitRate: 0.25, categoryConsistency: 1 });
    expect(report.run).toMatchObject({ dataset: { name: "runner", version: 1 }, model: "fake:model", prompt: { id: "listing-prefill", version: 1 }, params: { trials: 2, concurrency: 3 } });

    const stored = await getEvalRun(report.run.id);
    expect(stored).toMatchObject({ datasetName: "runner", datasetVersion: 1, run: { status: "done", modelId: "fake:model" } });
    expect((stored!.run.metrics as { categoryAccuracy: number }).categoryAccuracy).toBe(0.25);
    expect(await getEvalRunCases(report.run.id)).toHaveLength(8);
  });

  it("marks the run failed when the task throws", async () => {
    const folder = await writeGeneratedDataset();
    const analyse: AnalyseForEval = async () => {
      throw new Error("disk on fire");
    };
    await expect(runEval({ dataset: folder, datasetName: "broken", modelId: "fake:model", prompt: getPrompt("listing-prefill"), analyse })).rejects.toThrow(
      "disk on fire",
    );
    const [latest] = await listEvalRuns();
    expect(latest).toMatchObject({ datasetName: "broken", run: { status: "failed", error: "disk on fire" } });
  });
});

