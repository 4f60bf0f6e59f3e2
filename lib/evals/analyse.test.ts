import { describe, expect, it } from "vitest";
import { getPrompt } from "@/lib/ai/prompts";
import { getAiCallById } from "@/lib/db/queries/ai-calls";
import { writeGeneratedDataset } from "@/lib/testing/eval-dataset";
import { analyseForEval } from "./analyse";
import { runEval } from "./runner";

describe("an evaluation through the real analyse-photo task", () => {
  it("runs the mock model on a generated dataset and logs the calls as evaluation calls", async () => {
    const report = await runEval({
      dataset: await writeGeneratedDataset(),
      datasetName: "mock-run",
      modelId: "mock:fixture",
      prompt: getPrompt("listing-prefill"),
      analyse: analyseForEval,
    });
    // The fixture answers "Blue ceramic vase, Home & Garden" for any photo it does not know.
    expect(report.metrics).toMatchObject({ cases: 4, validityRate: 1, categoryAccuracy: 0.25, keywordHitRate: 0.25 });
    const vase = report.cases.find((evalCase) => evalCase.caseId === "blue-vase")!;
    expect(vase).toMatchObject({ categoryStrict: true, title: "Blue ceramic vase", priceInRange: true });
    // The call log is written off the request path; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const call = await getAiCallById(vase.callId!);
    expect(call).toMatchObject({ feature: "listing-prefill-eval", modelId: "mock:fixture", promptId: "listing-prefill", status: "ok" });
  });

  it("scores a failing model as invalid answers", async () => {
    const answer = await analyseForEval({ imageIds: ["00000000-0000-4000-8000-000000000000"], modelId: "mock:error", prompt: getPrompt("listing-prefill") });
    expect(answer).toMatchObject({ suggestion: null });
    expect(answer.failureReason).not.toBeNull();
  });
});
