import { describe, expect, it } from "vitest";
import { listSelectableModels, resolveModelConfig, type AiEnv } from "./models";

const none: AiEnv = { AI_MODEL: undefined, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, AI_MOCK_MODELS: false };

describe("resolveModelConfig", () => {
  it("reads photos with the built-in local:vision when nothing is configured", () => {
    expect(resolveModelConfig(none)).toEqual({
      ok: true,
      config: { id: "local:vision", provider: "local", name: "vision", label: "Trova's built-in photo reader", local: true },
    });
    expect(resolveModelConfig({ ...none, AI_MODEL: "local:vision", OPENAI_API_KEY: "sk-x" })).toMatchObject({ ok: true, config: { id: "local:vision" } });
  });

  it("defaults to OpenAI gpt-4o-mini when only a key is set", () => {
    expect(resolveModelConfig({ ...none, OPENAI_API_KEY: "sk-x" })).toEqual({
      ok: true,
      config: { id: "openai:gpt-4o-mini", provider: "openai", name: "gpt-4o-mini", label: "OpenAI gpt-4o-mini", local: false },
    });
  });

  it("uses AI_MODEL, and an OpenAI model needs the key", () => {
    expect(resolveModelConfig({ ...none, AI_MODEL: "openai:gpt-4.1-mini", OPENAI_API_KEY: "sk-x" })).toMatchObject({ ok: true, config: { id: "openai:gpt-4.1-mini", name: "gpt-4.1-mini" } });
    expect(resolveModelConfig({ ...none, AI_MODEL: "openai:gpt-4.1-mini" })).toMatchObject({ ok: false, problem: expect.stringContaining("OPENAI_API_KEY") });
  });

  it("uses an OpenAI-compatible server at OPENAI_BASE_URL, local when it is on this machine", () => {
    const local = resolveModelConfig({ ...none, AI_MODEL: "openai-compatible:llava:13b", OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" });
    expect(local).toMatchObject({ ok: true, config: { provider: "openai-compatible", name: "llava:13b", local: true } });
    const remote = resolveModelConfig({ ...none, AI_MODEL: "openai-compatible:qwen2.5-vl", OPENAI_BASE_URL: "https://vllm.example.com/v1" });
    expect(remote).toMatchObject({ ok: true, config: { local: false } });
    expect(resolveModelConfig({ ...none, AI_MODEL: "openai-compatible:llava" })).toMatchObject({ ok: false, problem: expect.stringContaining("OPENAI_BASE_URL") });
  });

  it("gives mock models only when AI_MOCK_MODELS is on, and only known scenarios", () => {
    expect(resolveModelConfig({ ...none, AI_MODEL: "mock:fixture" })).toMatchObject({ ok: false });
    expect(resolveModelConfig({ ...none, AI_MOCK_MODELS: true, AI_MODEL: "mock:fixture" })).toMatchObject({ ok: true, config: { provider: "mock", local: true } });
    expect(resolveModelConfig({ ...none, AI_MOCK_MODELS: true, AI_MODEL: "mock:nonsense" })).toMatchObject({ ok: false });
  });

  it("lets a caller ask for another model than the configured one", () => {
    const aiEnv = { ...none, AI_MODEL: "openai:gpt-4o-mini", OPENAI_API_KEY: "sk-x", AI_MOCK_MODELS: true };
    expect(resolveModelConfig(aiEnv, "mock:timeout")).toMatchObject({ ok: true, config: { id: "mock:timeout" } });
    expect(resolveModelConfig({ ...aiEnv, AI_MOCK_MODELS: false }, "mock:timeout")).toMatchObject({ ok: false });
  });

  it("refuses ids that are not provider:model, and local models other than the built-in one", () => {
    expect(resolveModelConfig({ ...none, AI_MODEL: "gpt-4o" })).toMatchObject({ ok: false });
    expect(resolveModelConfig({ ...none, AI_MODEL: "openai:", OPENAI_API_KEY: "sk-x" })).toMatchObject({ ok: false });
    expect(resolveModelConfig({ ...none, AI_MODEL: "local:yolo" })).toMatchObject({ ok: false, problem: expect.stringContaining("local:vision") });
  });
});

describe("listSelectableModels", () => {
  const bare = none;
  it("offers the built-in model, the configured one, OpenAI's priced ones with a key, and mocks only where allowed", () => {
    expect(listSelectableModels(bare)).toEqual(["local:vision"]);
    const withKey = listSelectableModels({ ...bare, OPENAI_API_KEY: "sk-test" });
    expect(withKey).toEqual(expect.arrayContaining(["local:vision", "openai:gpt-4o-mini", "openai:gpt-4.1-mini"]));
    expect(withKey.some((id) => id.startsWith("mock:"))).toBe(false);
    const compatible = listSelectableModels({ ...bare, AI_MODEL: "openai-compatible:llava:13b", OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" });
    expect(compatible).toEqual(["local:vision", "openai-compatible:llava:13b"]);
    expect(listSelectableModels({ ...bare, AI_MOCK_MODELS: true })).toEqual(expect.arrayContaining(["mock:fixture", "mock:low-confidence"]));
  });
});
