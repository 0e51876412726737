import { describe, expect, it } from "vitest";
import { foldIn, key, keyAt, split } from "../src/index.js";

const LEGACY = { partitionable: false } as const;

describe("split reproduces JAX", () => {
  it("legacy: split(key(0), 4)", () => {
    // jax-ml/jax tests/random_test.py@1b661b8 lines 399-405 (testPRNGValues,
    // legacy mode: the test is skipped when threefry_partitionable is on).
    expect(split(key(0), 4, LEGACY)).toEqual({
      dtype: "uint32",
      shape: [4, 2],
      data: Uint32Array.of(
        2285895361,
        1501764800,
        1518642379,
        4090693311,
        433833334,
        4221794875,
        839183663,
        3740430601,
      ),
    });
  });

  it("partitionable: split(key(1), 3)", () => {
    // ekzhang/jax-js test/random.test.ts@f6cf3d3 lines 36-44, values its
    // authors printed with JAX in partitionable mode.
    expect(Array.from(split(key(1), 3).data)).toEqual([
      507451445, 1853169794, 1948878966, 4237131848, 2441914641, 3819641963,
    ]);
  });

  it("partitionable: split(key(0)) gives the keys StatefulPRNG.key() printed", () => {
    // jax-ml/jax jax/_src/random/stateful_rng.py@e6848a3 lines 94-102: the
    // first two rng.key() of stateful_rng(0) are fold_in(key(0), 0) and
    // fold_in(key(0), 1), which partitionable split(key(0), 2) equals.
    expect(Array.from(split(key(0)).data)).toEqual([1797259609, 2579123966, 928981903, 3453687069]);
  });

  it("defaults to two keys, and takes a shape", () => {
    expect(split(key(5)).shape).toEqual([2, 2]);
    const grid = split(key(5), [2, 3]);
    expect(grid.shape).toEqual([2, 3, 2]);
    // Row-major: key (1, 2) is flat key 5 of the same split.
    expect(keyAt(grid, 1, 2)).toEqual(keyAt(split(key(5), 6), 5));
  });

  it("handles zero keys", () => {
    expect(split(key(5), 0)).toEqual({ dtype: "uint32", shape: [0, 2], data: new Uint32Array(0) });
    expect(split(key(5), [3, 0], LEGACY).shape).toEqual([3, 0, 2]);
  });

  it("rejects bad keys, counts and options", () => {
    expect(() => split(split(key(0), 2))).toThrow(
      /split accepts a single key, but was given a key array of shape \[2, 2\]/,
    );
    expect(() => split(key(0), -1)).toThrow(RangeError);
    expect(() => split(key(0), 1.5)).toThrow(/num\[0\] must be an integer, got 1.5/);
    expect(() => split(key(0), 2, { partitionable: "no" as unknown as boolean })).toThrow(
      /options.partitionable must be true or false/,
    );
    expect(() => split(Uint32Array.of(1, 2, 3))).toThrow(TypeError);
  });
});

describe("split properties", () => {
  it("partitionable: key i depends only on (key, i), so splits extend one another", () => {
    const short = split(key(42), 3);
    const long = split(key(42), 10);
    expect(long.data.slice(0, 6)).toEqual(short.data);
  });

  it("partitionable: split(k, n)[i] equals foldIn(k, i)", () => {
    // JAX asserts this symmetry in partitionable mode: jax-ml/jax
    // tests/random_test.py@1b661b8 lines 443-454 (test_threefry_split_fold_in_symmetry).
    const keys = split(key(72), 3);
    for (let i = 0; i < 3; i++) expect(keyAt(keys, i)).toEqual(foldIn(key(72), i));
  });

  it("legacy: a longer split does not extend a shorter one (the halves layout moves)", () => {
    const short = split(key(42), 3, LEGACY);
    const long = split(key(42), 4, LEGACY);
    expect(long.data.slice(0, 6)).not.toEqual(short.data);
  });

  it("the two modes give different keys", () => {
    expect(split(key(0), 2, LEGACY).data).not.toEqual(split(key(0), 2).data);
  });
});

describe("foldIn reproduces JAX", () => {
  it("fold_in(key(0), 4) (same in both modes)", () => {
    // jax-ml/jax tests/random_test.py@1b661b8 lines 407-409 (testPRNGValues).
    expect(Array.from(foldIn(key(0), 4))).toEqual([2285895361, 433833334]);
  });

  it("fold_in(key(0), 0) and fold_in(key(0), 1): the fold_in stream of stateful_rng(0)", () => {
    // jax-ml/jax jax/_src/random/stateful_rng.py@e6848a3 lines 94-102
    // (StatefulPRNG.key docstring, partitionable mode).
    expect(Array.from(foldIn(key(0), 0))).toEqual([1797259609, 2579123966]);
    expect(Array.from(foldIn(key(0), 1))).toEqual([928981903, 3453687069]);
  });

  it("takes negative int32 data as its uint32 bit pattern", () => {
    expect(foldIn(key(3), -1)).toEqual(foldIn(key(3), 2 ** 32 - 1));
    expect(foldIn(key(3), -(2 ** 31))).toEqual(foldIn(key(3), 2 ** 31));
  });

  it("rejects bad data", () => {
    expect(() => foldIn(key(0), 1.5)).toThrow(/data must be an integer, got 1.5/);
    expect(() => foldIn(key(0), 2 ** 32)).toThrow(RangeError);
    expect(() => foldIn(key(0), -(2 ** 31) - 1)).toThrow(RangeError);
    expect(() => foldIn(split(key(0), 2), 1)).toThrow(/foldIn accepts a single key/);
  });
});
