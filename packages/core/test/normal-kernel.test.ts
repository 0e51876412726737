import { setFlagsFromString } from "node:v8";
import { afterEach, describe, expect, it } from "vitest";
import { key, normal } from "../src/index.js";
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

/** The same computation with the WebAssembly kernels off and on. */
function bothPaths<T>(compute: () => T): [T, T] {
  setWasmKernelsEnabled(false);
  const javascript = compute();
  setWasmKernelsEnabled(true);
  return [javascript, compute()];
}

function sameBits(a: Float32Array, b: Float32Array): boolean {
  return (
    a.length === b.length &&
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
      Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    )
  );
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

  it("the relaxed SIMD build exports every kernel of the SIMD build, and its own", () => {
    const builds = kernelBuilds();
    if (builds.length < 2) return;
    const [simd, relaxed] = builds.map((kernels) => Object.keys(kernels.exports).sort());
    const own = [
      "GAMMA_CHUNK",
      "fusedMultiplyAddProbe",
      "gammaFlagsPointer",
      "gammaFloat32",
      "gammaKeysPointer",
      "gammaSamplesPointer",
    ];
    expect(relaxed).toEqual([...simd, ...own].sort());
  });

  it("loads the relaxed SIMD build where the engine validates it and fuses relaxed_madd", () => {
    const kernels = wasmKernels()!;
    const probe = kernels.exports.fusedMultiplyAddProbe;
    if (probe === undefined) {
      expect(kernels.build).toBe("simd");
      return;
    }
    const a = Math.fround(1 + 2 ** -12);
    const fused = probe(a, a, -1) === 2 ** -11 + 2 ** -24;
    expect(kernels.build).toBe(fused ? "relaxed-simd" : "simd");
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
