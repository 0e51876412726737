import { afterEach, describe, expect, it } from "vitest";
import { bits, key, normal, randint, split, uniform } from "../src/index.js";
import { setWasmKernelsEnabled, wasmKernels } from "../src/wasm-kernels.js";

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

describe("the WebAssembly SIMD kernels", () => {
  it("load in Node 20 (which has WebAssembly SIMD)", () => {
    expect(wasmKernels()).not.toBeNull();
  });

  it("reproduce Random123's known answers through bits", () => {
    // bits(key(0)) of 100 elements: element 0 is T(0, (0, 0)) = 0x6b200159 ^ 0x99ba4efe.
    const data = bits(key(0), [100]).data;
    expect(data[0]).toBe((0x6b200159 ^ 0x99ba4efe) >>> 0);
  });

  it("can be turned off, and report whether they were on", () => {
    expect(setWasmKernelsEnabled(false)).toBe(true);
    expect(wasmKernels()).toBeNull();
    expect(setWasmKernelsEnabled(true)).toBe(false);
  });

  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)(
    "%s: bits of every width equal the JavaScript kernel's on 1,000,003 elements",
    (_, partitionable) => {
      for (const dtype of ["uint8", "uint16", "uint32", "uint64"] as const) {
        const [javascript, wasm] = bothPaths(
          () => bits(key(99), [1_000_003], dtype, { partitionable }).data,
        );
        expect(wasm.length).toBe(javascript.length);
        expect(Buffer.from(wasm.buffer).equals(Buffer.from(javascript.buffer))).toBe(true);
      }
    },
  );

  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)(
    "%s: split, uniform, normal and randint equal the JavaScript kernel's",
    (_, partitionable) => {
      const options = { partitionable };
      const draws = [
        () => split(key(5), 300_001, options).data,
        () => uniform(key(6), [200_003], "float32", -3, 7, options).data,
        () => uniform(key(6), [100_003], "float64", 0, 1, options).data,
        () => normal(key(7), [100_001], "float32", options).data,
        () => randint(key(8), [200_001], -5, 1000, "int32", options).data,
      ];
      for (const draw of draws) {
        const [javascript, wasm] = bothPaths(draw);
        expect(Buffer.from(wasm.buffer).equals(Buffer.from(javascript.buffer))).toBe(true);
      }
    },
  );

  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)(
    "%s: the last 100 elements of the largest draw (2^32 - 1 elements), by slice",
    (_, partitionable) => {
      const options = { partitionable, slice: [2 ** 32 - 101, 2 ** 32 - 1] as [number, number] };
      const [javascript, wasm] = bothPaths(
        () => bits(key(3), [2 ** 32 - 1], "uint32", options).data,
      );
      expect(Array.from(wasm)).toEqual(Array.from(javascript));
    },
  );
});
