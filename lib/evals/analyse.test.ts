import { describe, expect, it } from "vitest";
import { getPrompt } from "@/lib/ai/prompts";
import { waitForRecordedCalls } from "@/lib/ai/record-calls";
import { getAiCallById } from "@/lib/db/queries/ai-calls";
import { storeUploadedImage } from "@/lib/images";
import { writeGeneratedDataset } from "@/lib/testing/eval-dataset";
import { makeJpeg } from "@/lib/testing/images";
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
    // The call log is written off the request path.
    await waitForRecordedCalls();
    const call = await getAiCallById(vase.callId!);
    expect(call).toMatchObject({ feature: "listing-prefill-eval", modelId: "mock:fixture", promptId: "listing-prefill", status: "ok" });
  });

  it("scores a failing model as a failed answer, and logs the failed call", async () => {
    // A stored photo, so the task gets as far as the model (an unknown image id stops it before).
    const stored = await storeUploadedImage(await makeJpeg(), null);
    if (!stored.ok) throw new Error(stored.error);
    const answer = await analyseForEval({ imageIds: [stored.image.id], modelId: "mock:error", prompt: getPrompt("listing-prefill") });
    expect(answer).toMatchObject({ suggestion: null, failureReason: "provider_error" });
    await waitForRecordedCalls();
    expect(await getAiCallById(answer.callId!)).toMatchObject({ feature: "listing-prefill-eval", modelId: "mock:error", status: "error" });
  });
});
