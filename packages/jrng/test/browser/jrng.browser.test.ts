// Runs in headless Chromium (vitest browser mode, `npm run test:browser`): the built `jrng`
// package draws in the page, and every value must equal what the same calls gave in Node
// (computed in global-setup.ts).
import { describe, expect, inject, it } from "vitest";
import { JRNG } from "jrng";
import { wasmKernelBuild } from "@jrng/core/internal";
import { CONFIGS, draws } from "./draws.js";

describe("jrng in a browser page", () => {
  it("runs in a browser, not in Node", () => {
    expect(typeof window).toBe("object");
    expect(typeof document).toBe("object");
    expect(navigator.userAgent).toMatch(/Chrom/);
  });

  it("loads the relaxed SIMD build of the WebAssembly kernels (Chromium 114 and later)", () => {
    expect(wasmKernelBuild()).toBe("relaxed-simd");
  });

  const expected = inject("jrngExpected");

  it("has expected values for every stream and threefry mode", () => {
    expect(expected.map((e) => e.config)).toEqual(CONFIGS);
  });

  for (const [i, config] of CONFIGS.entries()) {
    it(`seed 42, stream ${config.stream}, partitionable ${config.partitionable}: the same values as in Node`, () => {
      expect(draws(JRNG, config)).toEqual(expected[i]);
    });
  }
});
