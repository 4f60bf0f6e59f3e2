import { describe, expect, it } from "vitest";
import { summariseCpuProfile, type CpuProfile } from "./cpu-profile";

const frame = (id: number, functionName: string, url = "") => ({ id, callFrame: { functionName, url } });

describe("summariseCpuProfile", () => {
  it("splits busy time by who ran it and leaves idle time out", () => {
    const profile: CpuProfile = {
      nodes: [
        frame(1, "(idle)"),
        frame(2, "(garbage collector)"),
        frame(3, "ez", "file:///app/node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js"),
        frame(4, "handleRequest", "file:///app/node_modules/next/dist/server/base-server.js"),
        frame(5, "ListingGrid", "file:///app/.next/server/chunks/ssr/components_listings.js"),
        frame(6, "wasm-function[1]", "wasm://wasm/022a9842"),
        frame(7, "encodeInto", "node:internal/encoding"),
      ],
      samples: [1, 2, 3, 3, 4, 5, 6, 7],
      timeDeltas: [5000, 1000, 2000, 2000, 1000, 1000, 1000, 2000],
    };
    const summary = summariseCpuProfile(profile);
    expect(summary.busyMs).toBe(10);
    expect(summary.shares["Next.js + React rendering"]).toBeCloseTo(0.4);
    expect(summary.shares["Next.js server"]).toBeCloseTo(0.1);
    expect(summary.shares["app bundle (our code, bundled libraries)"]).toBeCloseTo(0.1);
    expect(summary.shares.PGlite).toBeCloseTo(0.1);
    expect(summary.shares["Node.js internals"]).toBeCloseTo(0.2);
    expect(summary.shares["garbage collection"]).toBeCloseTo(0.1);
    expect(summary.shares.other).toBe(0);
  });
});
