import { setFlagsFromString } from "node:v8";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashIndexRange } from "../src/layouts.js";
import { bits32Of, splitKeyInto } from "../src/single-draws.js";
import { gamma, key, loggamma } from "../src/index.js";
import {
  setRelaxedSimdEnabled,
  setWasmKernelsEnabled,
  wasmKernels,
  type WasmKernelBuild,
} from "../src/wasm-kernels.js";
import { bothPaths, sameBits } from "./support/kernel-paths.js";

// Node.js 20 validates relaxed SIMD only behind this flag (later versions and
// Chromium by default); this file runs in its own process.
setFlagsFromString("--experimental-wasm-relaxed-simd");

afterEach(() => {
  setWasmKernelsEnabled(true);
  setRelaxedSimdEnabled(true);
});

/** Whether this engine loads the relaxed SIMD build (where its relaxed_madd fuses). */
let relaxedLoads = false;
beforeAll(() => {
  relaxedLoads = wasmKernels()?.build === "relaxed-simd";
  if (!relaxedLoads) console.log("relaxed SIMD build not tested: relaxed_madd does not fuse here");
});

/** Use `build` of the kernels from now on; false where this engine does not load it. */
function useBuild(build: WasmKernelBuild): boolean {
  setRelaxedSimdEnabled(build === "relaxed-simd");
  if (build === "relaxed-simd" && !relaxedLoads) return false;
  expect(wasmKernels()!.build).toBe(build);
  return true;
}

describe.each(["simd", "relaxed-simd"] as const)(
  "the WebAssembly float32 gamma kernel, %s build",
  (build) => {
    it("is there", () => {
      if (!useBuild(build)) return;
      expect(typeof wasmKernels()!.exports.gammaFloat32).toBe("function");
    });

    it.each([
      ["partitionable", true],
      ["legacy", false],
    ] as const)(
      "%s: equals the JavaScript routines for several shape parameters",
      (_, partitionable) => {
        if (!useBuild(build)) return;
        // 1 (d = 2/3), near 1, moderate and large a; 20,003 elements: five kernel calls and a ragged end.
        for (const a of [1, 1.0001, 2, 7.3, 41.7]) {
          const [javascript, wasm] = bothPaths(
            () => gamma(key(31), a, [20_003], "float32", { partitionable }).data,
          );
          expect(sameBits(wasm, javascript)).toBe(true);
        }
      },
    );

    it.each([
      ["partitionable", true],
      ["legacy", false],
    ] as const)("%s: a slice equals the same range of the whole draw", (_, partitionable) => {
      if (!useBuild(build)) return;
      const whole = gamma(key(32), 2, [30_000], "float32", { partitionable }).data;
      const slice: [number, number] = [4_097, 21_234];
      const part = gamma(key(32), 2, [30_000], "float32", { partitionable, slice }).data;
      expect(sameBits(part, whole.subarray(...slice))).toBe(true);
    });

    it("leaves other draws to the JavaScript routines, with the same results as before", () => {
      if (!useBuild(build)) return;
      // a < 1 (boosted), arrays of different a, log space, float64 and a short draw whose
      // tail XLA computes with glibc's logf: none of these take the kernel.
      const draws = [
        () => gamma(key(33), 0.4, [5_000], "float32").data,
        () => gamma(key(33), [2, 3], [2_500, 2], "float32").data,
        () => loggamma(key(33), 2, [5_000], "float32").data,
        () => gamma(key(33), 2, [5_000], "float64").data,
        () => gamma(key(33), 2, [13], "float32").data,
      ];
      for (const draw of draws) {
        const [javascript, wasm] = bothPaths(draw);
        expect(sameBits(wasm, javascript)).toBe(true);
      }
    });

    it("flags an element whose uniform U is 0, where XLA's log is -Infinity", () => {
      if (!useBuild(build)) return;
      const kernel = wasmKernels()!.gamma!;
      // Key (7, 2441861) draws U = 0 on its first loop trip (found by searching k in (7, k)):
      // (loop, boost) = split(key); (loop, xKey, uKey) = split(loop, 3); U from uKey's bits.
      const keys = new Uint32Array(6);
      splitKeyInto(7, 2_441_861, 2, true, keys);
      splitKeyInto(keys[0], keys[1], 3, true, keys);
      expect(bits32Of(keys[4], keys[5], true) >>> 9).toBe(0);
      kernel.keys.set([7, 2_441_861, 7, 2_441_862, 8, 9, 10, 11]);
      const d = Math.fround(2 - Math.fround(1 / 3));
      const c = Math.fround(Math.fround(1 / 3) / Math.sqrt(d));
      expect(kernel.run(4, d, c, Math.fround(-1 + 2 ** -24), 2, true, 0, 0, 0, false)).toBe(1);
      expect(Array.from(kernel.flags.subarray(0, 4), (flag) => flag !== 0)).toEqual([
        true,
        false,
        false,
        false,
      ]);
    });

    it.each([
      ["whole", undefined],
      ["sliced", [667_300, 667_400] as [number, number]],
    ] as const)(
      "%s: a draw recomputes a flagged element whose key the kernel derived itself",
      (_, slice) => {
        if (!useBuild(build)) return;
        // Element 667,360 of a partitionable split of key(40) draws U = 0 on its first loop trip
        // (found by searching the elements in order).
        const element = new Uint32Array(2);
        hashIndexRange(key(40)[0], key(40)[1], 667_360, 1, element, 0, element, 1, 2);
        const keys = new Uint32Array(6);
        splitKeyInto(element[0], element[1], 2, true, keys);
        splitKeyInto(keys[0], keys[1], 3, true, keys);
        expect(bits32Of(keys[4], keys[5], true) >>> 9).toBe(0);
        const options = slice === undefined ? {} : { slice };
        const [javascript, wasm] = bothPaths(
          () => gamma(key(40), 2, [667_400], "float32", options).data,
        );
        expect(sameBits(wasm, javascript)).toBe(true);
      },
      60_000,
    );
  },
);
