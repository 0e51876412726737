import { describe, expect, it } from "vitest";
import { key } from "../src/index.js";
import { permutation, shuffleIndices } from "../src/samplers/permutation.js";
import { StableKeySorter } from "../src/radix-sort.js";
import { RETAINED_BYTES, sortWorkspace, type SortWorkspace } from "../src/stable-sort-wasm.js";
import { setWasmKernelsEnabled } from "../src/wasm-kernels.js";

/** Values sorted stably by keys with a comparison sort by (key, position). */
function referenceSort(keys: Uint32Array, values: Int32Array): Int32Array {
  return Int32Array.from({ length: keys.length }, (_, i) => i)
    .sort((a, b) => keys[a] - keys[b] || a - b)
    .map((i) => values[i]);
}

/** The first index where two arrays differ (or in length), -1 if equal: fast on millions of elements. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : length;
}

function workspace(length: number): SortWorkspace {
  const made = sortWorkspace(length);
  if (made === null) throw new Error("the WebAssembly sort does not run here");
  return made;
}

/** A deterministic generator of uint32 words. */
function words(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) >>> 0;
  };
}

/** Key sets that reach every path of the kernel: few ties, many ties, shared high bits. */
function keySets(n: number, seed: number): [string, Uint32Array][] {
  const next = words(seed);
  const half = Uint32Array.from({ length: Math.ceil(n / 2) }, next);
  return [
    ["uniform", Uint32Array.from({ length: n }, next)],
    // Ties between uniform keys, far apart in the input: the insertion sort's path.
    ["uniform, each twice", Uint32Array.from({ length: n }, (_, i) => half[i % half.length])],
    ["16 values", Uint32Array.from({ length: n }, () => next() % 16)],
    ["1,000 values", Uint32Array.from({ length: n }, () => next() % 1000)],
    // One top bucket, one sub-bucket: the counting passes over the low bits.
    ["shared high bits", Uint32Array.from({ length: n }, () => 0xfff00000 + (next() % 5000))],
    ["low byte zero", Uint32Array.from({ length: n }, () => next() & 0xffffff00)],
    ["descending", Uint32Array.from({ length: n }, (_, i) => (2 ** 32 - 1 - i * 977) >>> 0)],
    ["all 2^32 - 1", new Uint32Array(n).fill(2 ** 32 - 1)],
  ];
}

describe("the WebAssembly stable sort", () => {
  // Sizes around the insertion sort's limit (32) and where the top-bit count changes (2^10, 2^11, 2^12).
  const sizes = [1, 2, 3, 31, 32, 33, 64, 1023, 1024, 1025, 2047, 2048, 4095, 4096, 5000, 70000];

  it("sorts values by keys exactly as a comparison sort by (key, position), ties included", () => {
    for (const n of sizes) {
      for (const [name, keys] of keySets(n, n)) {
        const values = Int32Array.from({ length: n }, (_, i) => Math.imul(i, 7919) ^ 0x5bd1e995);
        const space = workspace(n);
        space.keys.set(keys);
        space.values.set(values);
        space.sort(false);
        expect(Array.from(space.values), `${name}, n = ${n}`).toEqual(
          Array.from(referenceSort(keys, values)),
        );
        expect(space.keys, `${name}, n = ${n}: keys unchanged`).toEqual(keys);
      }
    }
  }, 60_000);

  it("sorts the positions without reading the values (iota), ties in position order", () => {
    for (const n of sizes) {
      for (const [name, keys] of keySets(n, n + 1)) {
        const space = workspace(n);
        space.keys.set(keys);
        space.values.fill(-1);
        space.sort(true);
        const positions = Int32Array.from({ length: n }, (_, i) => i);
        expect(Array.from(space.values), `${name}, n = ${n}`).toEqual(
          Array.from(referenceSort(keys, positions)),
        );
      }
    }
  }, 60_000);

  it("keeps a workspace's arrays usable after a larger one grew the memory", () => {
    const small = workspace(5000);
    const keys = keySets(5000, 3)[0][1];
    small.keys.set(keys);
    workspace(400000);
    small.keys.set(keys);
    small.sort(true);
    const positions = Int32Array.from({ length: 5000 }, (_, i) => i);
    expect(Array.from(small.values)).toEqual(Array.from(referenceSort(keys, positions)));
  });

  it("StableKeySorter gives the same with the kernel and with the JavaScript passes", () => {
    for (const n of [4096, 70000, 1 << 20]) {
      for (const [name, keys] of keySets(n, 7).slice(0, 5)) {
        const values = Int32Array.from({ length: n }, (_, i) => i ^ 0x1234);
        const withKernel = new Int32Array(n);
        new StableKeySorter(n).sortValues(keys, values, withKernel);
        const before = setWasmKernelsEnabled(false);
        try {
          const inJavaScript = new Int32Array(n);
          new StableKeySorter(n).sortValues(keys, values, inJavaScript);
          expect(firstDifference(withKernel, inJavaScript), `${name}, n = ${n}`).toBe(-1);
        } finally {
          setWasmKernelsEnabled(before);
        }
      }
    }
  }, 60_000);
});

describe("shuffles on the WebAssembly sort", () => {
  /** The same call with the WebAssembly kernels off. */
  function inJavaScript<T>(compute: () => T): T {
    const before = setWasmKernelsEnabled(false);
    try {
      return compute();
    } finally {
      setWasmKernelsEnabled(before);
    }
  }

  it("permutation(n) equals the JavaScript path, both modes, from the kernel's threshold up", () => {
    // 4,095 takes the comparison sort; 1.4 million an instance beyond the retained memory.
    const large = Math.ceil(RETAINED_BYTES / 24) + 100;
    for (const partitionable of [true, false]) {
      for (const n of [4095, 4096, 4097, 100001, large]) {
        const seed = n % 1000;
        const shuffled = permutation(key(seed), n, 0, false, { partitionable }).data as Int32Array;
        const expected = inJavaScript(
          () => permutation(key(seed), n, 0, false, { partitionable }).data as Int32Array,
        );
        expect(shuffled.length).toBe(n);
        expect(
          firstDifference(shuffled, expected),
          `n = ${n}, partitionable = ${partitionable}`,
        ).toBe(-1);
      }
    }
  }, 120_000);

  it("independent shuffles of many slices equal the JavaScript path", () => {
    for (const axis of [0, 1]) {
      const shape = axis === 0 ? [5000, 3] : [3, 5000];
      const expected = inJavaScript(() => shuffleIndices(key(4), shape, axis, true));
      expect(firstDifference(shuffleIndices(key(4), shape, axis, true), expected)).toBe(-1);
    }
  }, 60_000);
});

describe("the WebAssembly sort's limits", () => {
  it("declines a sort its 4 GiB memory cannot hold, so that the JavaScript sort takes it", () => {
    // 2^28 elements need 6 GiB; nothing is allocated when the memory cannot grow.
    expect(sortWorkspace(2 ** 28)).toBeNull();
  });
});
