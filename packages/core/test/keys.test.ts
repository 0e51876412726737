import { describe, expect, it } from "vitest";
import { key, keyAt, keyData, split, wrapKeyData } from "../src/index.js";

// Seeds and the keys JAX makes from them:
// jax-ml/jax tests/random_test.py@1b661b8 lines 485-508
// (test_prng_seeds_and_keys). JAX's answer for negative and large seeds
// depends on jax_enable_x64; our rule (see key()) picks, per seed kind, the
// mode whose answer keeps every bit of the seed.
describe("key(seed) reproduces JAX's threefry_seed", () => {
  it.each([
    // [seed, key JAX printed, JAX's setting that printed it]
    [0, [0, 0], "int, any mode"],
    [1, [0, 1], "np.int32, any mode"],
    [2, [0, 2], "np.uint32, any mode"],
    [3, [0, 3], "np.int64, any mode"],
    [-2, [0, 4294967294], "np.int32, any mode"],
    [-1, [0, 4294967295], "int, x64 off (JAX's default)"],
    [-3, [0, 4294967293], "np.int64, x64 off"],
    [2 ** 31 - 1 + 100, [0, 2147483747], "int, any mode"],
    [2 ** 31 - 1 + 101, [0, 2147483748], "np.uint32, any mode"],
  ] as const)("number seed %s → %j (%s)", (seed, expected) => {
    expect(Array.from(key(seed))).toEqual(expected);
  });

  it.each([
    [-1n, [4294967295, 4294967295], "int, x64 on"],
    [-3n, [4294967295, 4294967293], "np.int64, x64 on"],
    [-(2n ** 31n) - 100n, [4294967295, 2147483548], "int, x64 on"],
    [-(2n ** 31n) - 101n, [4294967295, 2147483547], "np.int64, x64 on"],
  ] as const)("bigint seed %s → %j (%s)", (seed, expected) => {
    expect(Array.from(key(seed))).toEqual(expected);
  });

  it("splits 64-bit seeds into high and low words", () => {
    expect(Array.from(key(2 ** 32 + 7))).toEqual([1, 7]);
    expect(Array.from(key(Number.MAX_SAFE_INTEGER))).toEqual([2 ** 21 - 1, 2 ** 32 - 1]);
    expect(Array.from(key(2n ** 64n - 1n))).toEqual([2 ** 32 - 1, 2 ** 32 - 1]);
    expect(Array.from(key(-(2n ** 63n)))).toEqual([2 ** 31, 0]);
    expect(Array.from(key(5n))).toEqual(Array.from(key(5)));
  });

  it("rejects seeds that are not integers", () => {
    expect(() => key(Math.PI)).toThrow(TypeError);
    expect(() => key(Math.PI)).toThrow(/seed must be an integer, got 3.14159/);
    expect(() => key(Number.NaN)).toThrow(TypeError);
    expect(() => key(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => key("42" as unknown as number)).toThrow(
      /seed must be an integer number or a bigint, got "42"/,
    );
  });

  it("rejects seeds outside the supported ranges", () => {
    expect(() => key(2 ** 53)).toThrow(RangeError);
    expect(() => key(-(2 ** 31) - 1)).toThrow(/pass a bigint/);
    expect(() => key(2n ** 64n)).toThrow(RangeError);
    expect(() => key(-(2n ** 63n) - 1n)).toThrow(/\[-2\^63, 2\^64\)/);
  });
});

describe("keyData, wrapKeyData and keyAt", () => {
  it("round-trips a batch of keys and copies the data", () => {
    const keys = split(key(3), [2, 3]);
    const wrapped = wrapKeyData(keys);
    expect(wrapped.shape).toEqual([2, 3, 2]);
    expect(wrapped.data).toEqual(keys.data);
    expect(wrapped.data).not.toBe(keys.data);
    expect(keyData(wrapped)).toEqual(wrapped);
  });

  it("reads flat and nested word arrays", () => {
    expect(wrapKeyData(Uint32Array.of(1, 2)).shape).toEqual([2]);
    expect(wrapKeyData(Uint32Array.of(1, 2, 3, 4)).shape).toEqual([2, 2]);
    const nested = wrapKeyData([
      [1, 2],
      [3, 4],
    ]);
    expect(nested.shape).toEqual([2, 2]);
    expect(Array.from(nested.data)).toEqual([1, 2, 3, 4]);
  });

  it("gives one key's data with shape [2]", () => {
    expect(keyData(key(7))).toEqual({ dtype: "uint32", shape: [2], data: Uint32Array.of(0, 7) });
  });

  it("rejects data that is not whole keys", () => {
    expect(() => wrapKeyData(Uint32Array.of(1, 2, 3))).toThrow(TypeError);
    expect(() => wrapKeyData([[1, 2, 3]])).toThrow(/trailing axis of length 2/);
    expect(() => wrapKeyData([[1, -2]])).toThrow(TypeError);
    expect(() => keyData([1, 2, 3] as unknown as number[])).toThrow(/two uint32 words/);
  });

  it("rejects ragged nested data whose words happen to fill the shape", () => {
    expect(() =>
      wrapKeyData([
        [1, 2],
        [3, [4]],
      ] as never),
    ).toThrow(/trailing axis of length 2/);
    expect(() =>
      wrapKeyData([
        [
          [1, 2],
          [3, 4],
        ],
        [[5, 6, 7, 8]],
      ]),
    ).toThrow(/trailing axis of length 2/);
  });

  it("indexes batches, with negative indices from the end", () => {
    const keys = split(key(9), [2, 3]);
    expect(Array.from(keyAt(keys, 1, 2))).toEqual(Array.from(keys.data.slice(10, 12)));
    expect(Array.from(keyAt(keys, -1, -1))).toEqual(Array.from(keys.data.slice(10, 12)));
    expect(() => keyAt(keys, 2, 0)).toThrow(RangeError);
    expect(() => keyAt(keys, 0)).toThrow(/one integer per leading axis/);
  });
});
