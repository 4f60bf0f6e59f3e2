import { startNextServer, type NextServer } from "../../lib/bench/next-server";

// Some journeys need a Trova server of their own (a database they can take away, a process whose
// memory they can read). It runs the production build the e2e web server made, on a spare port,
// with a throw-away data directory and the scripted mock model.

export type OwnServer = NextServer;

export function startOwnServer(env: Record<string, string>, options: Parameters<typeof startNextServer>[1] = {}): Promise<OwnServer> {
  return startNextServer({ AI_MODEL: "mock:instant", AI_MOCK_MODELS: "true", AI_TIMEOUT_MS: "3000", ...env }, options);
}
