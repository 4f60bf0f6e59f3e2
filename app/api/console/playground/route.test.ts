import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_FIXTURE } from "@/lib/ai/mock-fixtures";
import { getDb } from "@/lib/db/client";
import { user } from "@/lib/db/schema";
import { storeUploadedImage } from "@/lib/images";
import type { PlaygroundLine } from "@/lib/playground/playground-lines";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { makeJpeg } from "@/lib/testing/images";
import { POST } from "./route";

vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, env: { ...original.env, AI_MODEL: "mock:fixture", AI_MOCK_MODELS: true, AI_TIMEOUT_MS: 3000 } };
});

const session = vi.hoisted(() => ({ user: null as { id: string; role: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

let sellersPhoto: string;

beforeAll(async () => {
  const db = await getDb();
  await db.insert(user).values([
    { id: "seller", name: "Sam", email: "sam@example.com" },
    { id: "ann", name: "Ann", email: "ann@example.com", role: "admin" },
    { id: "cat", name: "Cat", email: "cat@example.com", role: "admin" },
  ]);
  const stored = await storeUploadedImage(await makeJpeg(64, 48), "seller");
  if (!stored.ok) throw new Error(stored.error);
  sellersPhoto = stored.image.id;
});

const column = (modelId: string) => ({ prompt: { kind: "version", ref: "listing-prefill@1" }, modelId, temperature: null });

async function run(columns: unknown[]) {
  const request = new NextRequest("http://localhost/api/console/playground", {
    method: "POST",
    body: JSON.stringify({ imageIds: [sellersPhoto], columns }),
    headers: { "content-type": "application/json" },
  });
  const response = await POST(request);
  const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as PlaygroundLine);
  return { status: response.status, lines };
}

describe("POST /api/console/playground", () => {
  it("streams each column's answer for an admin, then ends", async () => {
    session.user = { id: "ann", role: "admin" };
    const { status, lines } = await run([column("mock:instant"), column("mock:low-confidence")]);
    expect(status).toBe(200);
    expect(lines.at(-1)).toEqual({ type: "end" });
    const done = lines.filter((line) => line.type === "done");
    expect(done.map((line) => [line.column, line.model.id]).sort()).toEqual([
      [0, "mock:instant"],
      [1, "mock:low-confidence"],
    ]);
    expect(done.find((line) => line.column === 0)?.suggestion).toEqual(DEFAULT_FIXTURE);
  });

  it("refuses sellers with the console's 404 and the signed-out with a 401", async () => {
    session.user = { id: "seller", role: "user" };
    expect((await run([column("mock:instant")])).status).toBe(404);
    session.user = null;
    expect((await run([column("mock:instant")])).status).toBe(401);
  });

  it("refuses more than three columns and malformed ones", async () => {
    session.user = { id: "ann", role: "admin" };
    expect((await run([1, 2, 3, 4].map(() => column("mock:instant")))).status).toBe(400);
    expect((await run([{ prompt: { kind: "file", path: "/etc/passwd" }, modelId: "mock:instant", temperature: 5 }])).status).toBe(400);
  });

  it("counts every column against the admin's own limit, and says when to try again", async () => {
    session.user = { id: "cat", role: "admin" };
    const { limit } = RATE_LIMITS.playground;
    // Three-column runs up to the limit (60 columns: twenty runs), then one more is refused.
    for (let used = 0; used + 3 <= limit; used += 3) expect((await run([column("mock:instant"), column("mock:instant"), column("mock:instant")])).status).toBe(200);
    const refused = await run([column("mock:instant"), column("mock:instant"), column("mock:instant")]);
    expect(refused.status).toBe(429);
    expect(refused.lines).toEqual([{ type: "refused", message: expect.stringMatching(/^That's a lot of playground runs .* Try again in \d+/) }]);
    // Another admin's allowance is their own.
    session.user = { id: "ann", role: "admin" };
    expect((await run([column("mock:instant")])).status).toBe(200);
  }, 120_000);
});
