import { afterEach, describe, expect, it } from "vitest";
import { bits, key, normal, randint, split, uniform } from "../src/index.js";
import { setWasmKernelsEnabled, wasmKernels } from "../src/wasm-kernels.js";
import { randint32Into, unitFloat32Into } from "../src/bulk.js";
import { bothPaths } from "./support/kernel-paths.js";

afterEach(() => {
  setWasmKernelsEnabled(true);
});

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

describe("bulk fills equal the samplers", () => {
  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)(
    "%s: unitFloat32Into = uniform(float32), whole and sliced, both kernels",
    (_, partitionable) => {
      const total = 100_003;
      const expected = uniform(key(11), [total], "float32", 0, 1, { partitionable }).data;
      for (const wasm of [true, false]) {
        setWasmKernelsEnabled(wasm);
        expect(
          Array.from(unitFloat32Into(key(11), new Float32Array(total), partitionable)),
        ).toEqual(Array.from(expected));
        const part = unitFloat32Into(key(11), new Float32Array(777), partitionable, 40_000, total);
        expect(Array.from(part)).toEqual(Array.from(expected.subarray(40_000, 40_777)));
      }
    },
  );

  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)(
    "%s: randint32Into = randint(int32) for scalar bounds, whole and sliced, both kernels",
    (_, partitionable) => {
      const total = 50_001;
      const bounds: [number, number | bigint][] = [
        [0, 100],
        [-7, 3],
        [-(2 ** 31), 2 ** 31 - 1],
        [-(2 ** 31), 2n ** 31n],
        [5, 6],
        [-1000, 2 ** 30 + 12345],
      ];
      for (const [low, high] of bounds) {
        const expected = randint(key(12), [total], low, high, "int32", { partitionable }).data;
        for (const wasm of [true, false]) {
          setWasmKernelsEnabled(wasm);
          const whole = randint32Into(
            key(12),
            new Int32Array(total),
            low,
            Number(high),
            partitionable,
          );
          expect(Array.from(whole)).toEqual(Array.from(expected));
          const part = randint32Into(
            key(12),
            new Int32Array(999),
            low,
            Number(high),
            partitionable,
            20_000,
            total,
          );
          expect(Array.from(part)).toEqual(Array.from(expected.subarray(20_000, 20_999)));
        }
      }
    },
  );

  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)(
    "%s: randint32Into equals randint(int32) for spans across the uint32 range, both kernels",
    (_, partitionable) => {
      // Spans 1 and 2^32 (written 0), powers of two and their neighbours, the
      // largest spans, and spans of both forms of the kernel's division by a
      // constant: the short form (e.g. 3, 100) and the general one (7, 14,
      // 10^9 + 7, 2^31 - 1, 2^32 - 2).
      const spans = [
        1,
        2,
        3,
        7,
        14,
        100,
        255,
        256,
        257,
        2 ** 16 - 1,
        2 ** 16,
        2 ** 16 + 1,
        6_700_417,
        1e9 + 7,
        2 ** 31 - 1,
        2 ** 31,
        2 ** 31 + 1,
        3 * 2 ** 30,
        2 ** 32 - 2,
        2 ** 32 - 1,
        2 ** 32,
      ];
      const total = 65_539;
      for (const span of spans) {
        const low = -(2 ** 31);
        const high = low + span;
        const expected = randint(key(13), [total], low, high, "int32", { partitionable }).data;
        for (const wasm of [true, false]) {
          setWasmKernelsEnabled(wasm);
          const drawn = randint32Into(key(13), new Int32Array(total), low, high, partitionable);
          expect(
            Buffer.from(drawn.buffer).equals(Buffer.from(expected.buffer)),
            `span ${span}`,
          ).toBe(true);
        }
      }
    },
  );
});
