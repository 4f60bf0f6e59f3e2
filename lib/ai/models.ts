import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { wrapLanguageModel } from "ai";
import type { Env } from "@/lib/env";
import { priceFromComparables } from "./comparable-price-lookup";
import { createLocalVisionModel, LOCAL_VISION_MODEL_ID } from "./local-vision/model";
import { createMockModel, isMockScenario, MOCK_SCENARIOS, type MockScenario } from "./mock-models";
import { PRICED_MODEL_IDS } from "./prices";
import { recordCallsMiddleware } from "./record-calls";

// The one place where Trova's language models are chosen and built. Callers ask for a model id
// (or the configured default); tests inject the environment instead of setting process.env.

export type AiEnv = Pick<Env, "AI_MODEL" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "AI_MOCK_MODELS">;

export type ModelProvider = "openai" | "openai-compatible" | "local" | "mock";

export type ModelConfig = {
  /** The registry id, e.g. "openai:gpt-4o-mini": what AI_MODEL holds and what ai_calls records. */
  id: string;
  provider: ModelProvider;
  /** The provider's own model name, e.g. "gpt-4o-mini". */
  name: string;
  /** Shown to the seller, e.g. "OpenAI gpt-4o-mini". */
  label: string;
  /** True when photos do not leave this machine. */
  local: boolean;
};

export type ModelChoice = { ok: true; config: ModelConfig } | { ok: false; problem: string };

export const DEFAULT_OPENAI_MODEL = "openai:gpt-4o-mini";
const OPENAI_API_URL = "https://api.openai.com/v1";

export const LOCAL_VISION_LABEL = "Trova's built-in photo reader";

/**
 * Which model a call uses: the requested id, else AI_MODEL, else OpenAI's default when a key is
 * set, else the built-in local:vision, so a fresh install reads photos with no key and offline.
 */
export function resolveModelConfig(aiEnv: AiEnv, requestedId?: string): ModelChoice {
  const id = requestedId ?? aiEnv.AI_MODEL ?? (aiEnv.OPENAI_API_KEY ? DEFAULT_OPENAI_MODEL : LOCAL_VISION_MODEL_ID);
  const separator = id.indexOf(":");
  const provider = id.slice(0, separator);
  const name = id.slice(separator + 1);
  if (separator < 1 || !name) return { ok: false, problem: `Model id "${id}" is not provider:model.` };

  switch (provider) {
    case "openai":
      if (!aiEnv.OPENAI_API_KEY) return { ok: false, problem: `${id} needs OPENAI_API_KEY.` };
      return { ok: true, config: { id, provider, name, label: `OpenAI ${name}`, local: false } };
    case "openai-compatible": {
      if (!aiEnv.OPENAI_BASE_URL) return { ok: false, problem: `${id} needs OPENAI_BASE_URL.` };
      const local = isLoopback(aiEnv.OPENAI_BASE_URL);
      return { ok: true, config: { id, provider, name, label: `${name} (${local ? "on this server" : "OpenAI-compatible server"})`, local } };
    }
    case "mock":
      if (!aiEnv.AI_MOCK_MODELS) return { ok: false, problem: `${id} is a test model; it needs AI_MOCK_MODELS=true.` };
      if (!isMockScenario(name)) return { ok: false, problem: `Unknown mock scenario "${name}".` };
      return { ok: true, config: { id, provider, name, label: `Test model (${name})`, local: true } };
    case "local":
      if (id !== LOCAL_VISION_MODEL_ID) return { ok: false, problem: `Unknown local model "${id}"; the built-in one is ${LOCAL_VISION_MODEL_ID}.` };
      return { ok: true, config: { id, provider, name, label: LOCAL_VISION_LABEL, local: true } };
    default:
      return { ok: false, problem: `Unknown model provider "${provider}" in "${id}".` };
  }
}

/**
 * The models an admin can pick from in the console: the built-in one, the configured one, OpenAI's
 * priced models when a key is set, and the mock models where they are allowed. Any other id the
 * registry accepts can still be typed.
 */
export function listSelectableModels(aiEnv: AiEnv): string[] {
  const ids = [LOCAL_VISION_MODEL_ID];
  const configured = resolveModelConfig(aiEnv);
  if (configured.ok) ids.push(configured.config.id);
  if (aiEnv.OPENAI_API_KEY) ids.push(...PRICED_MODEL_IDS.filter((id) => id.startsWith("openai:")));
  if (aiEnv.AI_MOCK_MODELS) ids.push(...MOCK_SCENARIOS.map((scenario) => `mock:${scenario}`));
  return [...new Set(ids)];
}

/** The model for a config, wrapped so that every call is recorded in ai_calls. */
export function createLanguageModel(config: ModelConfig, aiEnv: AiEnv): LanguageModelV3 {
  return wrapLanguageModel({
    model: createBaseModel(config, aiEnv),
    middleware: recordCallsMiddleware({ modelId: config.id, provider: config.provider }),
  });
}

function createBaseModel(config: ModelConfig, aiEnv: AiEnv): LanguageModelV3 {
  switch (config.provider) {
    case "openai":
      // An explicit baseURL also keeps the provider from reading process.env behind lib/env's back.
      return createOpenAI({ apiKey: aiEnv.OPENAI_API_KEY, baseURL: aiEnv.OPENAI_BASE_URL ?? OPENAI_API_URL }).responses(config.name);
    case "openai-compatible":
      // Ollama, vLLM and LM Studio speak the chat-completions API, not OpenAI's newer responses API.
      // Most of them ignore the key; the client needs one all the same (Ollama's docs use a placeholder too).
      return createOpenAI({ apiKey: aiEnv.OPENAI_API_KEY ?? "unused", baseURL: aiEnv.OPENAI_BASE_URL }).chat(config.name);
    case "local":
      return createLocalVisionModel(priceFromComparables);
    case "mock":
      // resolveModelConfig only returns known scenarios.
      return createMockModel(config.name as MockScenario);
  }
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "::1" || host === "[::1]" || host.startsWith("127.");
}
