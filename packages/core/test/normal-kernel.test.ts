import { setFlagsFromString } from "node:v8";
import { afterEach, describe, expect, it } from "vitest";
import { key, normal, uniform } from "../src/index.js";
import { fmaF32 } from "../src/float.js";
import {
  setRelaxedSimdEnabled,
  setWasmKernelsEnabled,
  wasmKernels,
  type WasmKernels,
} from "../src/wasm-kernels.js";
import {
  normalFloat32Into,
  normalFloat32OfBits,
  normalsFromWords,
} from "../src/samplers/normal.js";
import { bothPaths, sameBits } from "./support/kernel-paths.js";

// Node.js 20 validates relaxed SIMD only behind this flag (later versions and
// Chromium by default); this file runs in its own process, so that it can
// test both builds of the kernels.
setFlagsFromString("--experimental-wasm-relaxed-simd");

afterEach(() => {
  setWasmKernelsEnabled(true);
  setRelaxedSimdEnabled(true);
});

/** Both builds of the kernels, the relaxed SIMD one only where this engine fuses its multiply-adds. */
function kernelBuilds(): WasmKernels[] {
  setRelaxedSimdEnabled(false);
  const builds = [wasmKernels()!];
  setRelaxedSimdEnabled(true);
  const relaxed = wasmKernels()!;
  if (relaxed.build === "relaxed-simd") builds.push(relaxed);
  else console.log("relaxed SIMD build not loaded: relaxed_madd does not fuse on this engine");
  return builds;
}

/** `count` float32 uniforms on [0, 1) under `random`. */
function uniformFloats(random: Uint32Array, count: number): Float32Array {
  return uniform(random, [count], "float32").data as Float32Array;
}

describe("the WebAssembly float32 normal kernel", () => {
  it("equals the JavaScript routines on every possible input (all 2^23 uniforms), in both builds", () => {
    // A float32 normal depends on its word's top 23 bits only: words k << 9 cover them all.
    // This is also what shows that the SIMD build's multiply-adds, rounded twice
    // (float64, then float32), give the results of fused ones here.
    const builds = kernelBuilds();
    expect(builds[0].build).toBe("simd");
    const chunk = builds[0].chunk;
    const expected = new Float32Array(chunk);
    const mismatches = builds.map(() => 0);
    for (let base = 0; base < 2 ** 23; base += chunk) {
      for (let j = 0; j < chunk; j++) expected[j] = normalFloat32OfBits((base + j) * 512);
      builds.forEach((kernels, b) => {
        for (let j = 0; j < chunk; j++) kernels.words0[j] = (base + j) * 512;
        normalsFromWords(kernels, chunk);
        for (let j = 0; j < chunk; j++) {
          if (!Object.is(kernels.floats0[j], expected[j])) mismatches[b]++;
        }
      });
    }
    expect(mismatches).toEqual(builds.map(() => 0));
  }, 180_000);

  it("both builds export the same kernels", () => {
    const builds = kernelBuilds();
    if (builds.length < 2) return;
    const [simd, relaxed] = builds.map((kernels) => Object.keys(kernels.exports).sort());
    expect(relaxed).toEqual(simd);
  });

  it("both builds' multiply-add rounds once, also where a float64 sum lands halfway", () => {
    const f = Math.fround;
    // a·b = -2^-24 + 2^-70 exactly, so a·b + c = 1 + 2^-24 + 2^-70: just above halfway between
    // 1 and 1 + 2^-23. Its float64 sum is 1 + 2^-24, exactly halfway, which rounds (to even)
    // to 1; the fused result is 1 + 2^-23. And the same mirrored, below halfway.
    const halfwayCases: [number, number, number, number][] = [
      [-(2 ** -24 + 2 ** -47), 1 - 2 ** -23, 1 + 2 ** -23, 1 + 2 ** -23],
      [2 ** -24 + 2 ** -47, 1 - 2 ** -23, -1 - 2 ** -23, -1 - 2 ** -23],
      [2 ** -24 + 2 ** -47, 1 - 2 ** -23, 1, 1],
    ];
    const random = key(23);
    const inputs = uniformFloats(random, 3 * 20_000);
    for (const kernels of kernelBuilds()) {
      const probe = kernels.exports.fusedMultiplyAddProbe;
      for (const [a, b, c, expected] of halfwayCases) {
        expect(f(a) === a && f(b) === b && f(c) === c).toBe(true);
        expect(fmaF32(a, b, c)).toBe(expected);
        expect(probe(a, b, c), kernels.build).toBe(expected);
      }
      let mismatches = 0;
      for (let i = 0; i < inputs.length; i += 3) {
        const [a, b, c] = [4 * inputs[i] - 2, inputs[i + 1], 2 * inputs[i + 2] - 1].map(f);
        if (!Object.is(probe(a, b, c), fmaF32(a, b, c))) mismatches++;
      }
      expect(mismatches, kernels.build).toBe(0);
    }
  });

  it("the SIMD build's multiply-add gives NaN at or below the smallest normal float32", () => {
    const simd = kernelBuilds()[0];
    expect(simd.build).toBe("simd");
    const probe = simd.exports.fusedMultiplyAddProbe;
    expect(probe(2 ** -70, 2 ** -70, 0)).toBeNaN();
    expect(probe(1, 1, -1)).toBeNaN();
    expect(probe(2 ** -63, 2 ** -63, 0)).toBeNaN();
    expect(probe(2 ** -62, 2 ** -63, 0)).toBe(2 ** -125);
  });

  it("loads a build whose multiply-add rounds once (relaxed SIMD only where relaxed_madd fuses)", () => {
    const kernels = wasmKernels()!;
    const a = Math.fround(1 + 2 ** -12);
    expect(kernels.exports.fusedMultiplyAddProbe(a, a, -1)).toBe(2 ** -11 + 2 ** -24);
  });

  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)(
    "%s: normal(float32) equals the JavaScript path, whole and sliced",
    (_, partitionable) => {
      const total = 1_000_003;
      const [javascript, wasm] = bothPaths(
        () => normal(key(21), [total], "float32", { partitionable }).data as Float32Array,
      );
      expect(sameBits(wasm, javascript)).toBe(true);
      const slice: [number, number] = [123_457, 623_461];
      const [javascriptSlice, wasmSlice] = bothPaths(
        () => normal(key(21), [total], "float32", { partitionable, slice }).data as Float32Array,
      );
      expect(sameBits(wasmSlice, javascript.subarray(...slice))).toBe(true);
      expect(sameBits(javascriptSlice, javascript.subarray(...slice))).toBe(true);
    },
  );

  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)("%s: normalFloat32Into fills a range of the whole draw", (_, partitionable) => {
    const total = 70_001;
    const whole = normal(key(22), [total], "float32", { partitionable }).data as Float32Array;
    for (const wasm of [true, false]) {
      setWasmKernelsEnabled(wasm);
      const part = normalFloat32Into(
        key(22),
        new Float32Array(33_333),
        partitionable,
        20_000,
        total,
      );
      expect(sameBits(part, whole.subarray(20_000, 53_333))).toBe(true);
    }
  });
});
