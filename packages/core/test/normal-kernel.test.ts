import { afterEach, describe, expect, it } from "vitest";
import { key, normal } from "../src/index.js";
import { setWasmKernelsEnabled, wasmKernels } from "../src/wasm-kernels.js";
import {
  normalFloat32Into,
  normalFloat32OfBits,
  normalsFromWords,
} from "../src/samplers/normal.js";

afterEach(() => {
  setWasmKernelsEnabled(true);
});

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
  it("equals the JavaScript routines on every possible input (all 2^23 uniforms)", () => {
    // A float32 normal depends on its word's top 23 bits only: words k << 9 cover them all.
    // This is also what shows that the kernel's multiply-adds, rounded twice
    // (float64, then float32), give the results of fused ones here.
    const kernels = wasmKernels()!;
    let mismatches = 0;
    for (let base = 0; base < 2 ** 23; base += kernels.chunk) {
      for (let j = 0; j < kernels.chunk; j++) kernels.words0[j] = (base + j) * 512;
      normalsFromWords(kernels, kernels.chunk);
      for (let j = 0; j < kernels.chunk; j++) {
        const expected = normalFloat32OfBits((base + j) * 512);
        if (!Object.is(kernels.floats0[j], Math.fround(expected))) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  }, 180_000);

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
