import { describe, expect, it } from "vitest";
import { key, keyAt, keyData, split, wrapKeyData } from "../src/index.js";

// Seeds and the keys JAX makes from them:
// jax-ml/jax tests/random_test.py@1b661b8 lines 485-508
// (test_prng_seeds_and_keys), whose expected keys depend on jax_enable_x64:
// `[hi, lo]` of the int64 seed with x64 on, `[0, lo]` with it off. Seeds
// outside [-2^63, 2^63) raise OverflowError in JAX's random_seed (its
// np.int64 conversion), measured with jax 0.10.2 / jaxlib 0.10.2 CPU:
// key(2**63) and key(-2**63 - 1) raise in both x64 modes, key(2**63 - 1)
// is [0, 4294967295] with x64 off and [2147483647, 4294967295] with it on.
describe("key(seed) reproduces JAX's random_seed", () => {
  it.each([
    // [seed, key with x64 off, key with x64 on, JAX's seed type in the table]
    [0, [0, 0], [0, 0], "int"],
    [1, [0, 1], [0, 1], "np.int32"],
    [2, [0, 2], [0, 2], "np.uint32"],
    [3, [0, 3], [0, 3], "np.int64"],
    [-1, [0, 4294967295], [4294967295, 4294967295], "int"],
    [-3, [0, 4294967293], [4294967295, 4294967293], "np.int64"],
    [2 ** 31 - 1 + 100, [0, 2147483747], [0, 2147483747], "int"],
    [2 ** 31 - 1 + 101, [0, 2147483748], [0, 2147483748], "np.uint32"],
    [-(2 ** 31) - 100, [0, 2147483548], [4294967295, 2147483548], "int"],
    [-(2 ** 31) - 101, [0, 2147483547], [4294967295, 2147483547], "np.int64"],
  ] as const)("seed %s → %j (x64 off), %j (x64 on) [%s]", (seed, off, on) => {
    expect(Array.from(key(seed))).toEqual(off);
    expect(Array.from(key(seed, { x64: false }))).toEqual(off);
    expect(Array.from(key(seed, { x64: true }))).toEqual(on);
    expect(Array.from(key(BigInt(seed)))).toEqual(off);
    expect(Array.from(key(BigInt(seed), { x64: true }))).toEqual(on);
  });

  it("keeps only the low 32 bits with x64 off, as JAX's int32 narrowing", () => {
    // jax 0.10.2, x64 off: key(2**32 + 7) is [0, 7], key(2**40 + 5) is [0, 5].
    expect(Array.from(key(2 ** 32 + 7))).toEqual([0, 7]);
    expect(Array.from(key(2 ** 40 + 5))).toEqual([0, 5]);
    expect(Array.from(key(2n ** 63n - 1n))).toEqual([0, 2 ** 32 - 1]);
    expect(Array.from(key(-(2n ** 63n)))).toEqual([0, 0]);
  });

  it("splits 64-bit seeds into high and low words with x64 on", () => {
    const x64 = { x64: true };
    // jax 0.10.2, x64 on: key(2**32 + 7) is [1, 7], key(2**40 + 5) is [256, 5].
    expect(Array.from(key(2 ** 32 + 7, x64))).toEqual([1, 7]);
    expect(Array.from(key(2 ** 40 + 5, x64))).toEqual([256, 5]);
    expect(Array.from(key(Number.MAX_SAFE_INTEGER, x64))).toEqual([2 ** 21 - 1, 2 ** 32 - 1]);
    expect(Array.from(key(2n ** 63n - 1n, x64))).toEqual([2 ** 31 - 1, 2 ** 32 - 1]);
    expect(Array.from(key(-(2n ** 63n), x64))).toEqual([2 ** 31, 0]);
    expect(Array.from(key(2 ** 60, x64))).toEqual([2 ** 28, 0]);
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

  it("rejects seeds outside int64, as JAX's OverflowError, in both x64 modes", () => {
    for (const x64 of [false, true]) {
      expect(() => key(2n ** 63n, { x64 })).toThrow(RangeError);
      expect(() => key(2n ** 64n - 1n, { x64 })).toThrow(/\[-2\^63, 2\^63\)/);
      expect(() => key(-(2n ** 63n) - 1n, { x64 })).toThrow(RangeError);
      expect(() => key(2 ** 63, { x64 })).toThrow(RangeError);
    }
  });

  it("rejects an x64 option that is not a boolean", () => {
    expect(() => key(1, { x64: 1 as unknown as boolean })).toThrow(
      /options.x64 must be true or false, got 1/,
    );
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
